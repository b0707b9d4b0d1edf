// Samples one process at a fixed period while a scenario loads it: open fds, RSS and CPU time
// (all threads), each stamped with the wall clock. A gone process gives nulls, never an error.

import { cpuSeconds, fdCount, rssMiB } from './proc-stats.js';

export interface ProcSample {
  /** wall-clock ms (see clock.ts) */
  readonly atMs: number;
  readonly fds: number | null;
  readonly rssMiB: number | null;
  readonly cpuS: number | null;
}

export interface ProcSampler {
  readonly samples: readonly ProcSample[];
  /** takes one last sample and stops (once; later calls return the same samples) */
  stop(): readonly ProcSample[];
}

export const sampleProcess = (pid: number, atMs: number): ProcSample => ({
  atMs,
  fds: fdCount(pid),
  rssMiB: rssMiB(pid),
  cpuS: cpuSeconds(pid),
});

/** Samples `pid` now and every `everyMs`; `now` gives the wall clock. */
export const startProcSampler = (pid: number, everyMs: number, now: () => number): ProcSampler => {
  const samples: ProcSample[] = [sampleProcess(pid, now())];
  const timer = setInterval(() => samples.push(sampleProcess(pid, now())), everyMs);
  let stopped = false;
  return {
    samples,
    stop: () => {
      if (!stopped) {
        stopped = true;
        clearInterval(timer);
        samples.push(sampleProcess(pid, now()));
      }
      return samples;
    },
  };
};
