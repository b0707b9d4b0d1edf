// tssupervisor.getProcessStats' sampler: at most one sample of the process trees per interval,
// shared by every caller, and taken only when somebody asks (no background polling).

import type { ProcessStats, TreeUsage } from '../ports/process-stats.js';

export const MIN_SAMPLE_INTERVAL_MS = 1000;

export type TreeUsages = ReadonlyMap<number, TreeUsage>;

export interface StatsSampler {
  /** The latest sample when it is younger than the interval and was asked for every one of
   * `rootPids`; else a new one. */
  usage(rootPids: readonly number[]): Promise<TreeUsages>;
}

export interface StatsSamplerOptions {
  readonly stats: ProcessStats;
  readonly monotonicMs: () => number;
  readonly minIntervalMs?: number;
}

interface Sample {
  /** The roots it was asked for (a root gone by then is missing from `usage`, not from here). */
  readonly asked: ReadonlySet<number>;
  readonly usage: Promise<TreeUsages>;
}

const covers = (sample: Sample, rootPids: readonly number[]): boolean =>
  rootPids.every((pid) => sample.asked.has(pid));

export const createStatsSampler = ({
  stats,
  monotonicMs,
  minIntervalMs = MIN_SAMPLE_INTERVAL_MS,
}: StatsSamplerOptions): StatsSampler => {
  let last: (Sample & { readonly atMs: number }) | null = null;
  let inFlight: Sample | null = null;

  const take = (rootPids: readonly number[]): Promise<TreeUsages> => {
    const atMs = monotonicMs();
    const asked = new Set(rootPids);
    const usage = Promise.resolve()
      .then(() => stats.sample(rootPids))
      .then(
        (measured): TreeUsages => {
          last = { atMs, asked, usage: Promise.resolve(measured) };
          return measured;
        },
        // A failed sample is no reason to fail the call: no figures this time.
        (): TreeUsages => new Map(),
      );
    const sample = { asked, usage };
    inFlight = sample;
    void usage.then(() => {
      if (inFlight === sample) {
        inFlight = null;
      }
    });
    return usage;
  };

  return {
    usage: (rootPids) => {
      // A process spawned since the last sample is not in it: that one is no answer for it.
      if (last !== null && monotonicMs() - last.atMs < minIntervalMs && covers(last, rootPids)) {
        return last.usage;
      }
      return inFlight !== null && covers(inFlight, rootPids) ? inFlight.usage : take(rootPids);
    },
  };
};
