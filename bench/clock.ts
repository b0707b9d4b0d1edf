// Wall-clock time with microsecond resolution, comparable with bash's $EPOCHREALTIME (which the
// workload programs write), and plain sleeping. Date.now() alone has only millisecond steps.

import { setTimeout as delay } from 'node:timers/promises';

let offsetMs = 0;

/**
 * Re-derives the offset between the monotonic clock and the wall clock: Date.now() rounds down,
 * so the largest (Date.now() - performance.now()) seen while sampling for 3 ms is the true offset
 * to within a few microseconds.
 */
export const calibrateWallClock = (): void => {
  let best = -Infinity;
  const until = performance.now() + 3;
  while (performance.now() < until) {
    const sample = Date.now() - performance.now();
    if (sample > best) {
      best = sample;
    }
  }
  offsetMs = best;
};

/** Milliseconds since the epoch, fractional. */
export const wallMs = (): number => performance.now() + offsetMs;

export const sleep = (ms: number): Promise<void> => delay(ms);

/** Polls `probe` every `everyMs` until it returns non-null; rejects with `what` after `timeoutMs`. */
export const waitFor = async <T>(
  what: string,
  probe: () => T | null | Promise<T | null>,
  timeoutMs: number,
  everyMs = 10,
): Promise<T> => {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) {
      return value;
    }
    if (performance.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await delay(everyMs);
  }
};

calibrateWallClock();

/** `work`, or a rejection naming `what` once `ms` have passed (the work itself is not stopped). */
export const withDeadline = async <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: hard deadline of ${ms} ms passed`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
};
