// Restart pacing (restart_delay, restart_backoff_max): how long an autorestart or a start retry
// waits. Without the options, supervisord's timing: restarts at once, retry n after n seconds.

import type { RestartPacing } from '../config/types.js';

const SECOND_MS = 1000;

export const isPaced = (pacing: RestartPacing): boolean =>
  pacing.delayMs > 0 || pacing.backoffMaxMs > 0;

/** Where doubling starts: restart_delay, or 1 s when that is 0. */
const baseOf = (pacing: RestartPacing): number => (pacing.delayMs > 0 ? pacing.delayMs : SECOND_MS);

/** Twice as long at each step from `baseMs`, never above the cap. */
const doubled = (baseMs: number, step: number, capMs: number): number =>
  Math.min(capMs, baseMs * 2 ** Math.min(step, 40));

/**
 * The delay before the `streak`-th autorestart in a row (1 = the first after a calm run):
 * restart_delay, then with restart_backoff_max doubling from it (from 1 s when it is 0) up to
 * the cap.
 */
export const restartDelayMs = (pacing: RestartPacing, streak: number): number => {
  if (pacing.backoffMaxMs === 0 || streak <= 1) {
    return pacing.delayMs;
  }
  return doubled(baseOf(pacing), streak - 1, pacing.backoffMaxMs);
};

/** The wait before start retry `tries` (1 = after the first failed attempt). */
export const backoffDelayMs = (pacing: RestartPacing, tries: number): number =>
  pacing.backoffMaxMs === 0
    ? tries * SECOND_MS
    : doubled(baseOf(pacing), tries - 1, pacing.backoffMaxMs);
