// AUTO child logs: supervisord's names `<childlogdir>/<name>-<channel>---<identifier>-<8 random>.log`,
// their exclusive creation (mode 0600), and the startup cleaner that removes earlier ones.

import { join, resolve } from 'node:path';

import type { OutputChannel } from '../model/events.js';
import type { DaemonLogger } from '../ports/logger.js';
import type { FileSystem, FsError } from '../ports/file-system.js';
import { reprString } from '../model/python-repr.js';

/** The alphabet of Python's tempfile names. */
const NAME_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789_';
const MAX_ATTEMPTS = 100;

export const AUTO_LOG_PERMISSIONS = 0o600;

/** Eight characters from tempfile's alphabet, drawn with `random` (uniform in [0, 1)). */
export const randomNamePart = (random: () => number): string => {
  let s = '';
  for (let i = 0; i < 8; i++) {
    s += NAME_CHARACTERS[Math.floor(random() * NAME_CHARACTERS.length)] ?? '_';
  }
  return s;
};

export const autoLogName = (
  processName: string,
  channel: OutputChannel,
  identifier: string,
  randomPart: string,
): string => `${processName}-${channel}---${identifier}-${randomPart}.log`;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * supervisord's cleanup pattern `.+?---<identifier>-\S+\.log\.{0,1}\d{0,4}`, matched at the start
 * of the name only (so rotated `.log.3` files match too). The identifier is taken literally here.
 */
export const autoLogPattern = (identifier: string): RegExp =>
  new RegExp(`^.+?---${escapeRegExp(identifier)}-\\S+\\.log\\.?\\d{0,4}`);

/**
 * Create a fresh AUTO log (O_EXCL, mode 0600) and return its absolute path; a name collision
 * draws new random characters.
 */
export const createAutoLog = async (
  fs: FileSystem,
  childLogDir: string,
  nameFor: () => string,
): Promise<{ ok: true; path: string } | { ok: false; path: string; error: FsError }> => {
  let last: { ok: false; path: string; error: FsError } | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const path = resolve(childLogDir, nameFor());
    const opened = await fs.openWrite(path, 'exclusive', AUTO_LOG_PERMISSIONS);
    if (opened.ok) {
      await opened.value.close();
      return { ok: true, path };
    }
    last = { ok: false, path, error: opened.error };
    if (opened.error.code !== 'EEXIST') {
      break;
    }
  }
  return last ?? { ok: false, path: childLogDir, error: { code: 'EEXIST', message: 'no name' } };
};

/**
 * Startup cleanup (unless nocleanup): delete every file in childlogdir that looks like an AUTO
 * log of this identifier, with supervisord's warnings when that fails.
 */
export const cleanAutoLogs = async (
  fs: FileSystem,
  childLogDir: string,
  identifier: string,
  logger: DaemonLogger,
): Promise<void> => {
  const listed = await fs.readDirectory(childLogDir);
  if (!listed.ok) {
    logger.log('warn', 'Could not clear childlog dir');
    return;
  }
  const pattern = autoLogPattern(identifier);
  for (const name of listed.value) {
    if (!pattern.test(name)) {
      continue;
    }
    const path = join(childLogDir, name);
    const removed = await fs.unlink(path);
    if (!removed.ok && removed.error.code !== 'ENOENT') {
      logger.log('warn', `Failed to clean up ${reprString(path)}`);
    }
  }
};
