// tssupervisor.getProcessStats' sampler: at most one sample of the process trees per interval,
// shared by every caller, and taken only when somebody asks (no background polling).

import type { ProcessStats, TreeUsage } from '../../ports/process-stats.js';

export const MIN_SAMPLE_INTERVAL_MS = 1000;

export type TreeUsages = ReadonlyMap<number, TreeUsage>;

export interface StatsSampler {
  /** The latest sample when it is younger than the interval; else a new one. */
  usage(rootPids: readonly number[]): Promise<TreeUsages>;
}

export interface StatsSamplerOptions {
  readonly stats: ProcessStats;
  readonly monotonicMs: () => number;
  readonly minIntervalMs?: number;
}

export const createStatsSampler = ({
  stats,
  monotonicMs,
  minIntervalMs = MIN_SAMPLE_INTERVAL_MS,
}: StatsSamplerOptions): StatsSampler => {
  let last: { readonly atMs: number; readonly usage: TreeUsages } | null = null;
  let inFlight: Promise<TreeUsages> | null = null;

  const take = async (rootPids: readonly number[]): Promise<TreeUsages> => {
    const atMs = monotonicMs();
    try {
      const usage = await stats.sample(rootPids);
      last = { atMs, usage };
      return usage;
    } catch {
      // A failed sample is no reason to fail the call: no figures this time.
      return new Map();
    } finally {
      inFlight = null;
    }
  };

  return {
    usage: (rootPids) => {
      if (last !== null && monotonicMs() - last.atMs < minIntervalMs) {
        return Promise.resolve(last.usage);
      }
      inFlight ??= take(rootPids);
      return inFlight;
    },
  };
};
