// One scan of /proc: every process's parent, name, start time, CPU times and resident size (all
// /proc/<pid>/stat), and the descendants of a pid found from them. Without /proc it is empty.

import fs from 'node:fs';
import { readdir } from 'node:fs/promises';

import { splitStatLine } from './proc-stat-fields.js';

export interface ProcEntry {
  readonly pid: number;
  readonly ppid: number;
  /** The command name (field 2), as the kernel keeps it: at most 15 bytes. */
  readonly comm: string;
  /** Clock ticks after boot at which the process started: tells a reused pid apart. */
  readonly startTicks: number;
  /** User plus system CPU time so far, in clock ticks. */
  readonly cpuTicks: number;
  /** User plus system CPU time of the children it has waited for, in clock ticks. */
  readonly reapedChildTicks: number;
  /** Resident set size, in pages. */
  readonly rssPages: number;
}

export type ProcTable = ReadonlyMap<number, ProcEntry>;

/**
 * /proc reads done in one go before the scan yields to the event loop: about half a millisecond,
 * so log writes and RPC answers never queue behind a whole scan.
 */
const SCAN_SLICE = 32;

export const parseProcStat = (text: string): ProcEntry | null => {
  const split = splitStatLine(text);
  if (split === null) {
    return null;
  }
  const { pid, comm, fields } = split;
  // From field 3 (state) on: ppid is field 4, utime 14, stime 15, cutime 16, cstime 17,
  // starttime 22, rss 24.
  const [ppid, utime, stime, cutime, cstime, startTicks, rssPages] = [
    1, 11, 12, 13, 14, 19, 21,
  ].map((i) => Number(fields[i]));
  const numbers = [pid, ppid, utime, stime, cutime, cstime, startTicks, rssPages];
  if (!numbers.every((n) => n !== undefined && Number.isFinite(n)) || !Number.isInteger(pid)) {
    return null;
  }
  return {
    pid,
    ppid: ppid ?? 0,
    comm,
    startTicks: startTicks ?? 0,
    cpuTicks: (utime ?? 0) + (stime ?? 0),
    reapedChildTicks: (cutime ?? 0) + (cstime ?? 0),
    rssPages: rssPages ?? 0,
  };
};

/** Room for any stat line: 52 numeric fields and a command name of at most 64 bytes. */
const STAT_BYTES = 1024;

// Synchronous reads in short slices: /proc files are generated in memory and never block, and
// through the thread pool each read cost about four times the CPU (measured at 80 processes:
// 4.7 ms of CPU per scan against 1.1 ms), for every process on the machine each second someone watches.
const readStat = (path: string, buffer: Buffer): string | null => {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch {
    // The process went away between readdir and open.
    return null;
  }
  try {
    return buffer.toString('latin1', 0, fs.readSync(fd, buffer, 0, STAT_BYTES, 0));
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
};

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const scanProc = async (root = '/proc'): Promise<ProcTable> => {
  let names: string[];
  try {
    names = (await readdir(root)).filter((name) => /^\d+$/.test(name));
  } catch {
    return new Map();
  }
  const table = new Map<number, ProcEntry>();
  const buffer = Buffer.alloc(STAT_BYTES);
  for (let i = 0; i < names.length; i++) {
    if (i > 0 && i % SCAN_SLICE === 0) {
      await nextTurn();
    }
    const text = readStat(`${root}/${names[i] ?? ''}/stat`, buffer);
    const entry = text === null ? null : parseProcStat(text);
    if (entry !== null) {
      table.set(entry.pid, entry);
    }
  }
  return table;
};

/** pid → its children, from one scan. */
export const childrenIndex = (table: ProcTable): ReadonlyMap<number, readonly number[]> => {
  const index = new Map<number, number[]>();
  for (const { pid, ppid } of table.values()) {
    const siblings = index.get(ppid);
    if (siblings === undefined) {
      index.set(ppid, [pid]);
    } else {
      siblings.push(pid);
    }
  }
  // Each process's children by pid, so a tree lists the same way every time.
  for (const siblings of index.values()) {
    siblings.sort((a, b) => a - b);
  }
  return index;
};

/** `root` and all its descendants, breadth first. Orphans re-parented elsewhere are not seen. */
export const treeOf = (
  root: number,
  children: ReadonlyMap<number, readonly number[]>,
): readonly number[] => {
  const tree = [root];
  const seen = new Set(tree);
  for (let i = 0; i < tree.length; i++) {
    for (const child of children.get(tree[i] ?? 0) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        tree.push(child);
      }
    }
  }
  return tree;
};
