// Each process's CPU and memory figures over the last samples, for the table's numbers and its
// sparklines. Pure.

import type { ProcessUsage } from './daemon-api.js';
import { isHostKey } from './host-link.js';

/** Samples kept per process: one per second, as wide as a sparkline. */
export const HISTORY_LENGTH = 8;

export interface UsageHistory {
  readonly latest: ProcessUsage;
  readonly cpu: readonly number[];
  readonly rssKb: readonly number[];
}

export type UsageTable = ReadonlyMap<string, UsageHistory>;

const push = (values: readonly number[], value: number): readonly number[] =>
  values.length < HISTORY_LENGTH ? [...values, value] : [...values.slice(1), value];

/**
 * Adds one host's sample (keys already hostKeys); that host's processes not in it are dropped,
 * a new pid starts a new history; other hosts' histories stay.
 */
export const recordUsage = (
  table: UsageTable,
  sample: readonly ProcessUsage[],
  host: string,
): UsageTable => {
  const next = new Map([...table].filter(([key]) => !isHostKey(host, key)));
  for (const usage of sample) {
    const before = table.get(usage.key);
    const history =
      before === undefined || before.latest.pid !== usage.pid ? { cpu: [], rssKb: [] } : before;
    next.set(
      usage.key,
      usage.sampled
        ? {
            latest: usage,
            cpu: push(history.cpu, usage.cpuPercent),
            rssKb: push(history.rssKb, usage.rssKb),
          }
        : { latest: usage, cpu: [], rssKb: [] },
    );
  }
  return next;
};
