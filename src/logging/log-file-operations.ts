// The file-system steps of a log file's life, each a few port calls: open it the right way,
// shift the backups at rotation, delete it for clear. The writer sequences them.

import type {
  FileSystem,
  FsError,
  FsOutcome,
  WritableFile,
  WriteMode,
} from '../ports/file-system.js';
import { planOpen, rotationRenames } from './rotation-policy.js';

export interface OpenedLog {
  readonly file: WritableFile;
  /** false for devices, pipes, /dev and /proc paths */
  readonly rotatable: boolean;
  /** current size (where appending starts) */
  readonly size: number;
}

/** Open for appending (or `preferred`), in write mode for special files. */
export const openLogFile = async (
  fs: FileSystem,
  path: string,
  preferred: WriteMode,
  permissions: number,
): Promise<FsOutcome<OpenedLog>> => {
  const stat = await fs.stat(path);
  const plan = planOpen(path, stat.ok ? stat.value : null, preferred);
  const opened = await fs.openWrite(path, plan.mode, permissions);
  if (!opened.ok) {
    return opened;
  }
  let size = 0;
  if (plan.rotatable && plan.mode === 'append') {
    const measured = await opened.value.size();
    size = measured.ok ? measured.value : 0;
  }
  return { ok: true, value: { file: opened.value, rotatable: plan.rotatable, size } };
};

/** `x.log.(N-1)` → `x.log.N` … `x.log` → `x.log.1`; missing files are skipped. */
export const shiftBackups = async (
  fs: FileSystem,
  path: string,
  backups: number,
): Promise<FsError | null> => {
  let failure: FsError | null = null;
  for (const [from, to] of rotationRenames(path, backups)) {
    const renamed = await fs.rename(from, to);
    if (!renamed.ok && renamed.error.code !== 'ENOENT') {
      failure = renamed.error;
    }
  }
  return failure;
};

/** Delete the current file for clear (never a device or a /dev path); a missing file is fine. */
export const removeLogFile = async (
  fs: FileSystem,
  path: string,
): Promise<FsOutcome<undefined>> => {
  const stat = await fs.stat(path);
  if (!planOpen(path, stat.ok ? stat.value : null, 'append').rotatable) {
    return { ok: true, value: undefined };
  }
  const unlinked = await fs.unlink(path);
  return unlinked.ok || unlinked.error.code === 'ENOENT'
    ? { ok: true, value: undefined }
    : unlinked;
};
