// ProcessStats where there is no /proc (macOS, the BSDs): pidusage measures each root with
// `ps`. Without a process table, descendants are not found: each figure is the root's own.

import pidusage from 'pidusage';

import type { ProcessStats, TreeUsage } from '../ports/process-stats.js';

/** pidusage keeps each pid's previous reading this long after it was last asked about. */
const HISTORY_MAX_AGE_MS = 5000;

export const createPidusageStats = (): ProcessStats => ({
  sample: async (rootPids) => {
    const usage = new Map<number, TreeUsage>();
    if (rootPids.length === 0) {
      return usage;
    }
    let stats: Record<string, pidusage.Status | undefined>;
    try {
      stats = await pidusage([...rootPids], { maxage: HISTORY_MAX_AGE_MS, usePs: true });
    } catch {
      // With one pid, a process that exited meanwhile rejects the whole call.
      return usage;
    }
    for (const pid of rootPids) {
      const stat = stats[String(pid)];
      if (stat !== undefined) {
        usage.set(pid, {
          cpuPercent: stat.cpu,
          rssBytes: stat.memory,
          processCount: 1,
          // ctime: user + system milliseconds
          cpuSeconds: stat.ctime / 1000,
        });
      }
    }
    return usage;
  },
});
