// The pidfile: refuse to start when it names a live daemon (a zombie is not one), write ours,
// remove it at exit (only if it is still ours).

import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

import { parseStatFields } from './proc-stat-fields.js';

/** A killed daemon its parent has not reaped yet is a zombie: it runs nothing any more. */
const isZombie = (pid: number): boolean => {
  try {
    return parseStatFields(readFileSync(`/proc/${pid}/stat`, 'latin1'))?.state === 'Z';
  } catch {
    return false;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
};

/** The pid recorded in `path` if that process is alive (and is not us), else undefined. */
export const livePidFromFile = (path: string): number | undefined => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) {
    return undefined;
  }
  return isAlive(pid) ? pid : undefined;
};

/** Write `<pid>\n`; an error is returned (the daemon logs it and carries on, as supervisord). */
export const writePidfile = (path: string): string | undefined => {
  try {
    writeFileSync(path, `${process.pid}\n`);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

export const removePidfile = (path: string): void => {
  try {
    if (readFileSync(path, 'utf8').trim() === String(process.pid)) {
      unlinkSync(path);
    }
  } catch {
    // already gone
  }
};
