// The real ProcessStats: one /proc scan finds each root's descendants, pidusage measures every
// pid of those trees (CPU since its previous sample, RSS), and the sums are reported per root.

import pidusage from 'pidusage';

import type { ProcessStats, TreeUsage } from '../ports/process-stats.js';
import { childrenIndex, scanProc, treeOf, type ProcTable } from './proc-tree.js';

/**
 * pidusage keeps each pid's previous reading, and an open /proc fd, until the pid has not been
 * asked about for this long; so nothing is held once nobody watches.
 */
const HISTORY_MAX_AGE_MS = 5000;
/** Its sweeper runs every maxage/2: after this long unasked, a pid's history is surely gone. */
const HISTORY_GONE_MS = HISTORY_MAX_AGE_MS * 1.5 + 1000;

interface Asked {
  readonly startTicks: number;
  readonly atMs: number;
}

export const createPidusageStats = (): ProcessStats => {
  // pidusage knows pids only: for a pid reused by a new process it would go on reading the old
  // process's fd (ESRCH) and diff against the old readings. Such a pid is left out until
  // pidusage has dropped that history.
  const asked = new Map<number, Asked>();

  const measurable = (pids: readonly number[], table: ProcTable, nowMs: number): number[] => {
    for (const [pid, last] of asked) {
      if (nowMs - last.atMs > HISTORY_GONE_MS) {
        asked.delete(pid);
      }
    }
    return pids.filter((pid) => {
      const startTicks = table.get(pid)?.startTicks;
      const last = asked.get(pid);
      if (startTicks === undefined) {
        // No /proc (or it just exited): nothing to tell reused pids apart with.
        return table.size === 0;
      }
      if (last !== undefined && last.startTicks !== startTicks) {
        return false;
      }
      asked.set(pid, { startTicks, atMs: nowMs });
      return true;
    });
  };

  return {
    sample: async (rootPids) => {
      const table = await scanProc();
      const children = childrenIndex(table);
      const trees = new Map(rootPids.map((root) => [root, treeOf(root, children)]));
      const pids = measurable([...new Set([...trees.values()].flat())], table, performance.now());
      const readings = await measure(pids);
      const usage = new Map<number, TreeUsage>();
      for (const [root, tree] of trees) {
        if (readings.get(root) === undefined) {
          continue;
        }
        let cpuPercent = 0;
        let rssBytes = 0;
        let processCount = 0;
        for (const pid of tree) {
          const reading = readings.get(pid);
          if (reading !== undefined) {
            cpuPercent += reading.cpu;
            rssBytes += reading.memory;
            processCount += 1;
          }
        }
        usage.set(root, { cpuPercent, rssBytes, processCount });
      }
      return usage;
    },
  };
};

type Reading = Pick<pidusage.Status, 'cpu' | 'memory'>;

const measure = async (pids: readonly number[]): Promise<ReadonlyMap<number, Reading>> => {
  if (pids.length === 0) {
    return new Map();
  }
  let stats: Record<string, pidusage.Status | undefined>;
  try {
    stats = await pidusage([...pids], { maxage: HISTORY_MAX_AGE_MS });
  } catch {
    // With one pid, a process that exited meanwhile rejects the whole call.
    return new Map();
  }
  const readings = new Map<number, Reading>();
  for (const pid of pids) {
    const stat = stats[String(pid)];
    if (stat !== undefined) {
      readings.set(pid, { cpu: stat.cpu, memory: stat.memory });
    }
  }
  return readings;
};
