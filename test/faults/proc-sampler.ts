// Samples a process's open fds and RSS from /proc at a fixed period while a fault runs.

import { readdirSync, readFileSync } from 'node:fs';

export interface ProcSample {
  /** ms since sampling began */
  readonly atMs: number;
  readonly fds: number;
  readonly rssKiB: number;
}

export const sampleProc = (pid: number): Omit<ProcSample, 'atMs'> | null => {
  try {
    const fds = readdirSync(`/proc/${pid}/fd`).length;
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { fds, rssKiB: Number(rss?.[1] ?? 0) };
  } catch {
    return null;
  }
};

/** Samples `pid` every `periodMs` until stop(); a vanished process ends the series. */
export const sampleProcEvery = (pid: number, periodMs: number): { stop: () => ProcSample[] } => {
  const samples: ProcSample[] = [];
  const beganMs = Date.now();
  const take = (): void => {
    const sample = sampleProc(pid);
    if (sample !== null) {
      samples.push({ atMs: Date.now() - beganMs, ...sample });
    }
  };
  take();
  const timer = setInterval(take, periodMs);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
};
