// What /proc says about one process: CPU time used (user + system), resident memory, bytes
// written, liveness. Linux only, as is the whole bench.

import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

const readOrNull = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** Fields after the parenthesised command name (which may itself contain spaces). */
const statFields = (pid: number): string[] | null => {
  const text = readOrNull(`/proc/${pid}/stat`);
  if (text === null) {
    return null;
  }
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
};

/**
 * CPU time in seconds with nanosecond resolution: the sum of every live thread's run time
 * (/proc/PID/task/TID/schedstat). Falls back to utime + stime (10 ms steps) without schedstat.
 * Threads that have exited are not counted; Node and Python daemons keep theirs.
 */
export const cpuSeconds = (pid: number): number | null => {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  let ns = 0;
  for (const tid of tasks) {
    const text = readOrNull(`/proc/${pid}/task/${tid}/schedstat`);
    if (text === null) {
      return tickSeconds(pid);
    }
    ns += Number(text.split(' ')[0]);
  }
  return ns / 1e9;
};

/** utime + stime in seconds (10 ms steps); null when the process is gone. */
export const tickSeconds = (pid: number): number | null => {
  const fields = statFields(pid);
  if (fields === null) {
    return null;
  }
  // Fields 14 and 15 of stat; index 0 here is field 3 (state).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
};

/** VmRSS in MiB; null when the process is gone. */
export const rssMiB = (pid: number): number | null => {
  const status = readOrNull(`/proc/${pid}/status`);
  const match = status === null ? null : /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match?.[1] === undefined ? null : Number(match[1]) / 1024;
};

/** Running or sleeping, not gone and not a zombie waiting to be reaped. */
export const isAlive = (pid: number): boolean => {
  const fields = statFields(pid);
  return fields !== null && fields[0] !== 'Z';
};

/** Bytes the process has passed to write(2) and co. (wchar in /proc/PID/io); null when gone. */
export const writtenBytes = (pid: number): number | null => {
  const io = readOrNull(`/proc/${pid}/io`);
  const match = io === null ? null : /^wchar:\s+(\d+)$/m.exec(io);
  return match?.[1] === undefined ? null : Number(match[1]);
};

/** Open file descriptors (entries of /proc/PID/fd); null when the process is gone. */
export const fdCount = (pid: number): number | null => {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
};

/** The pids of the process's children (/proc/PID/task/TID/children, every thread); [] when gone. */
export const childPids = (pid: number): number[] => {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((tid) =>
    (readOrNull(`/proc/${pid}/task/${tid}/children`) ?? '')
      .split(' ')
      .filter((p) => p !== '')
      .map(Number),
  );
};
