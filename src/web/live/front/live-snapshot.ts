// What the live UI knows of the daemon, as plain data: the process list (with the daemon's
// clock against ours, for uptimes), each process's latest figures and health, and a short
// history of CPU and memory per process for the charts. Pure: answers in, a new snapshot out.

import { makeNamespec } from '../../../model/namespec.js';
import type { ProcessHealthInfo } from '../../../protocol/process-health.js';
import type { ProcessInfo } from '../../../protocol/process-info.js';
import type { ProcessStatsInfo } from '../../../protocol/process-stats.js';

/** Samples kept per chart: five minutes at one sample every 5 s. */
export const HISTORY_SLOTS = 60;

export interface FigureHistory {
  readonly cpu: readonly number[];
  readonly memoryKb: readonly number[];
}

export interface LiveSnapshot {
  readonly processes: readonly ProcessInfo[];
  /** The daemon's clock minus ours, in seconds, as of the last listing. */
  readonly skewSec: number;
  readonly stats: ReadonlyMap<string, ProcessStatsInfo>;
  readonly health: ReadonlyMap<string, ProcessHealthInfo>;
  readonly history: ReadonlyMap<string, FigureHistory>;
}

export const EMPTY_SNAPSHOT: LiveSnapshot = {
  processes: [],
  skewSec: 0,
  stats: new Map(),
  health: new Map(),
  history: new Map(),
};

export const namespecOf = (p: { readonly group: string; readonly name: string }): string =>
  makeNamespec(p.group, p.name);

export const withProcesses = (
  snapshot: LiveSnapshot,
  processes: readonly ProcessInfo[],
  localNowSec: number,
): LiveSnapshot => ({
  ...snapshot,
  processes,
  skewSec: processes[0] === undefined ? snapshot.skewSec : processes[0].now - localNowSec,
});

export const withHealth = (
  snapshot: LiveSnapshot,
  health: readonly ProcessHealthInfo[],
): LiveSnapshot => ({ ...snapshot, health: new Map(health.map((h) => [namespecOf(h), h])) });

/**
 * One more sample per process: a process without a pid counts as 0; one whose figures could not
 * be read (yet: CPU needs two readings) adds nothing.
 */
export const withStats = (
  snapshot: LiveSnapshot,
  stats: readonly ProcessStatsInfo[],
): LiveSnapshot => {
  const history = new Map<string, FigureHistory>();
  for (const s of stats) {
    const key = namespecOf(s);
    const before = snapshot.history.get(key) ?? { cpu: [], memoryKb: [] };
    history.set(
      key,
      !s.sampled && s.pid > 0
        ? before
        : {
            cpu: pushSample(before.cpu, s.sampled ? s.cpu_percent : 0),
            memoryKb: pushSample(before.memoryKb, s.sampled ? s.rss_kb : 0),
          },
    );
  }
  return { ...snapshot, stats: new Map(stats.map((s) => [namespecOf(s), s])), history };
};

const pushSample = (samples: readonly number[], value: number): readonly number[] =>
  samples.length >= HISTORY_SLOTS ? [...samples.slice(1), value] : [...samples, value];

/** Seconds the process has been up, by the daemon's clock; null when it is not running. */
export const uptimeSec = (
  info: ProcessInfo,
  snapshot: LiveSnapshot,
  localNowSec: number,
): number | null =>
  info.statename === 'RUNNING' && info.start > 0
    ? Math.max(0, Math.floor(localNowSec + snapshot.skewSec - info.start))
    : null;
