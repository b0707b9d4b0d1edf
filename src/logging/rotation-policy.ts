// Pure rotation policy shared by child logs and the main log: which files are rotatable, how a
// log file is opened, when to rotate and the rename chain `x.log` → `x.log.1` → … → `x.log.N`.

import type { FileStat, WriteMode } from '../ports/file-system.js';

/**
 * Paths under /dev and /proc (`/dev/stdout`, `/proc/self/fd/1`) are never rotated or deleted even
 * when they resolve to a regular file: renaming them would move the daemon's own output around.
 */
export const isSpecialPath = (path: string): boolean =>
  path.startsWith('/dev/') || path.startsWith('/proc/');

export interface OpenPlan {
  readonly mode: WriteMode;
  /** False for devices, pipes and the special paths: maxBytes is ignored for them. */
  readonly rotatable: boolean;
}

/**
 * Regular files are appended to (`preferred` lets rotation with backups=0 truncate instead);
 * anything else is opened in write mode, as supervisord falls back to when append fails.
 * `stat` is null when the file does not exist yet.
 */
export const planOpen = (path: string, stat: FileStat | null, preferred: WriteMode): OpenPlan => {
  const regular = stat === null || stat.kind === 'file';
  if (isSpecialPath(path) || !regular) {
    // A special path that resolves to a regular file (daemon stdout redirected to a file) must
    // be appended to, or the daemon's own output in that file would be overwritten.
    return { mode: regular ? 'append' : 'write', rotatable: false };
  }
  return { mode: preferred, rotatable: true };
};

/** supervisord rotates after the write that brings the file to (or past) maxBytes; 0 = never. */
export const shouldRotate = (size: number, maxBytes: number): boolean =>
  maxBytes > 0 && size >= maxBytes;

/**
 * The renames of one rotation, to run in order (a missing source is skipped). backups=0 has no
 * renames: the file is truncated instead. The oldest backup is overwritten by the first rename.
 */
export const rotationRenames = (
  path: string,
  backups: number,
): readonly (readonly [from: string, to: string])[] => {
  const renames: (readonly [string, string])[] = [];
  for (let i = backups - 1; i >= 1; i--) {
    renames.push([`${path}.${i}`, `${path}.${i + 1}`]);
  }
  if (backups > 0) {
    renames.push([path, `${path}.1`]);
  }
  return renames;
};

/**
 * How many more bytes the next write may carry before the file reaches maxBytes (the batch then
 * stops after the chunk that crosses it, like supervisord's one write past the limit).
 */
export const batchLimit = (size: number, maxBytes: number, rotatable: boolean): number =>
  rotatable && maxBytes > 0 ? maxBytes - size : Number.POSITIVE_INFINITY;
