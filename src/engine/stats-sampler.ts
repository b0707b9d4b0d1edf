// The daemon's one sampler of process trees: at most one /proc scan per interval, shared by every
// caller (tssupervisor.getProcessStats and the restart_on_memory check), taken only when asked.

import type { ProcessStats, TreeUsage } from '../ports/process-stats.js';

export const MIN_SAMPLE_INTERVAL_MS = 1000;

export type TreeUsages = ReadonlyMap<number, TreeUsage>;

export interface StatsSampler {
  /** The latest sample when it is younger than the interval and asked for these pids; else a new one. */
  usage(rootPids: readonly number[]): Promise<TreeUsages>;
}

export interface StatsSamplerOptions {
  readonly stats: ProcessStats;
  readonly monotonicMs: () => number;
  readonly minIntervalMs?: number;
}

interface Sample {
  readonly atMs: number;
  readonly asked: ReadonlySet<number>;
  readonly usage: TreeUsages;
}

export const createStatsSampler = ({
  stats,
  monotonicMs,
  minIntervalMs = MIN_SAMPLE_INTERVAL_MS,
}: StatsSamplerOptions): StatsSampler => {
  let last: Sample | null = null;
  let inFlight: Promise<TreeUsages> | null = null;

  const take = async (rootPids: readonly number[]): Promise<TreeUsages> => {
    const atMs = monotonicMs();
    try {
      const usage = await stats.sample(rootPids);
      last = { atMs, asked: new Set(rootPids), usage };
      return usage;
    } catch {
      // A failed sample is no reason to fail the call: no figures this time.
      return new Map();
    } finally {
      inFlight = null;
    }
  };

  const fresh = (sample: Sample | null, rootPids: readonly number[]): sample is Sample =>
    sample !== null &&
    monotonicMs() - sample.atMs < minIntervalMs &&
    rootPids.every((pid) => sample.asked.has(pid));

  return {
    usage: (rootPids) => {
      if (fresh(last, rootPids)) {
        return Promise.resolve(last.usage);
      }
      inFlight ??= take(rootPids);
      return inFlight;
    },
  };
};
