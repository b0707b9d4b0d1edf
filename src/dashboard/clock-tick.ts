// The dashboard's own one-second beat: moves its clock on, so uptimes count and status
// messages expire, whatever the daemons do.

import type { Clock } from '../ports/clock.js';
import { delay } from './delay.js';
import type { DashboardInput } from './inputs.js';
import { BEAT_MS } from './usage-sync.js';

export const tickClock = async (
  clock: Clock,
  dispatch: (input: DashboardInput) => void,
  signal: AbortSignal,
): Promise<void> => {
  while (!signal.aborted) {
    const beganMs = clock.monotonicMs();
    dispatch({ type: 'tick', nowMs: clock.wallMs() });
    await delay(clock, BEAT_MS - (clock.monotonicMs() - beganMs), signal);
  }
};
