// The dashboard's one-second beat: moves its clock on (uptimes and messages) and, while
// connected to a daemon that serves them, fetches tssupervisor.getProcessStats (CPU, memory,
// restarts), as health-sync.ts decides tssupervisor.getProcessHealth, and an open detail page's
// tssupervisor.getProcessDetail.

import type { Clock } from '../ports/clock.js';
import type { DashboardApi } from './daemon-api.js';
import { delay } from './delay.js';
import { syncDetail } from './detail-sync.js';
import { callFeature } from './feature-call.js';
import { syncHealth } from './health-sync.js';
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
  for (let beat = 0; !signal.aborted; beat++) {
    const beganMs = clock.monotonicMs();
    dispatch({ type: 'tick', nowMs: clock.wallMs() });
    const { connection, support } = deps.state();
    if (connection.kind === 'up' && support.stats !== 'no') {
      await callFeature(
        {
          feature: 'stats',
          support: support.stats,
          call: () => api.getProcessStats(),
          answer: (usage) => ({ type: 'usage', usage }),
        },
        dispatch,
      );
    }
    await syncHealth(api, deps.state(), beat, dispatch);
    await syncDetail(api, deps.state(), dispatch);
    await delay(clock, BEAT_MS - (clock.monotonicMs() - beganMs), signal);
  }
};
