// The dashboard's one-second beat: moves its clock on (uptimes) and, while connected to a
// daemon that serves it, fetches tssupervisor.getProcessStats (CPU, memory, restarts).

import type { Clock } from '../ports/clock.js';
import type { DashboardApi } from './daemon-api.js';
import { delay } from './delay.js';
import { isUnknownMethod } from './failures.js';
import type { DashboardInput } from './inputs.js';
import type { DashboardState } from './state.js';

export interface UsageSyncDeps {
  readonly api: DashboardApi;
  readonly clock: Clock;
  readonly dispatch: (input: DashboardInput) => void;
  readonly state: () => DashboardState;
  readonly signal: AbortSignal;
}

export const BEAT_MS = 1000;

export const syncUsage = async (deps: UsageSyncDeps): Promise<void> => {
  const { api, clock, dispatch, signal } = deps;
  while (!signal.aborted) {
    const beganMs = clock.monotonicMs();
    dispatch({ type: 'tick', nowMs: clock.wallMs() });
    const { connection, support } = deps.state();
    if (connection.kind === 'up' && support.stats !== 'no') {
      try {
        const usage = await api.getProcessStats();
        dispatch({ type: 'usage', usage });
        if (support.stats === 'unknown') {
          dispatch({ type: 'support', feature: 'stats', support: 'yes' });
        }
      } catch (error) {
        // Connection trouble is process-sync's to report; here only a missing method matters.
        if (isUnknownMethod(error)) {
          dispatch({ type: 'support', feature: 'stats', support: 'no' });
        }
      }
    }
    await delay(clock, BEAT_MS - (clock.monotonicMs() - beganMs), signal);
  }
};
