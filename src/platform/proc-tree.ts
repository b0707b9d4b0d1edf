// One scan of /proc: every process's parent and start time (from /proc/<pid>/stat), and the
// descendants of a pid found from them. Where there is no /proc the scan is empty.

import { readdir, readFile } from 'node:fs/promises';

export interface ProcEntry {
  readonly pid: number;
  readonly ppid: number;
  /** Clock ticks after boot at which the process started: tells a reused pid apart. */
  readonly startTicks: number;
}

export type ProcTable = ReadonlyMap<number, ProcEntry>;

/** At most this many /proc reads in flight, so log writes never queue behind a whole scan. */
const SCAN_CONCURRENCY = 4;

/** The fields we need from one /proc/<pid>/stat line; null when it does not parse. */
export const parseProcStat = (text: string): ProcEntry | null => {
  // Field 2, the command name, is in parentheses and may itself hold spaces and parentheses.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) {
    return null;
  }
  const pid = Number(text.slice(0, open).trim());
  // From field 3 (state) on: ppid is field 4, starttime field 22.
  const fields = text.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  const startTicks = Number(fields[19]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid) || !Number.isFinite(startTicks)) {
    return null;
  }
  return { pid, ppid, startTicks };
};

const readEntry = async (root: string, name: string): Promise<ProcEntry | null> => {
  try {
    return parseProcStat(await readFile(`${root}/${name}/stat`, 'utf8'));
  } catch {
    // The process went away between readdir and read.
    return null;
  }
};

export const scanProc = async (root = '/proc'): Promise<ProcTable> => {
  let names: string[];
  try {
    names = (await readdir(root)).filter((name) => /^\d+$/.test(name));
  } catch {
    return new Map();
  }
  const table = new Map<number, ProcEntry>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++] ?? '';
      const entry = await readEntry(root, name);
      if (entry !== null) {
        table.set(entry.pid, entry);
      }
    }
  };
  await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, worker));
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
