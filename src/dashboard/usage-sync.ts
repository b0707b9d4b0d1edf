// One host's one-second beat: while it is connected and serves them, fetches
// tssupervisor.getProcessStats (CPU, memory, restarts), as health-sync.ts decides
// tssupervisor.getProcessHealth, and an open detail page's tssupervisor.getProcessDetail.

import type { Clock } from '../ports/clock.js';
import type { DashboardApi } from './daemon-api.js';
import { delay } from './delay.js';
import { syncDetail } from './detail-sync.js';
import { callFeature } from './feature-call.js';
import { syncHealth } from './health-sync.js';
import type { DaemonInput } from './inputs.js';
import { linkOf, type DashboardState } from './state.js';

export interface UsageSyncDeps {
  readonly api: DashboardApi;
  readonly clock: Clock;
  /** The host's name in the fleet ('' for the single daemon). */
  readonly host: string;
  readonly dispatch: (input: DaemonInput) => void;
  readonly state: () => DashboardState;
  readonly signal: AbortSignal;
}

export const BEAT_MS = 1000;

export const syncUsage = async (deps: UsageSyncDeps): Promise<void> => {
  const { api, clock, dispatch, host, signal } = deps;
  for (let beat = 0; !signal.aborted; beat++) {
    const beganMs = clock.monotonicMs();
    const { connection, support } = linkOf(deps.state(), host);
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
    await syncHealth(api, { state: deps.state(), host, beat }, dispatch);
    await syncDetail(api, deps.state(), host, dispatch);
    await delay(clock, BEAT_MS - (clock.monotonicMs() - beganMs), signal);
  }
};
