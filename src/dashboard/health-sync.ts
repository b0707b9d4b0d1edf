// Part of the one-second beat: fetches tssupervisor.getProcessHealth (readiness, liveness,
// dependency waits, restart pacing) every beat until it knows whether the daemon has it and
// while some process has a probe or depends_on, else every few beats (a reload may add one).

import type { DashboardApi } from './daemon-api.js';
import { callFeature } from './feature-call.js';
import { anyHealth } from './health-text.js';
import { isHostKey } from './host-link.js';
import type { DaemonInput } from './inputs.js';
import { linkOf, type DashboardState } from './state.js';

/** Without any probe or dependency: how many beats between two looks. */
export const IDLE_HEALTH_BEATS = 5;

export const syncHealth = async (
  api: DashboardApi,
  { state, host, beat }: { state: DashboardState; host: string; beat: number },
  dispatch: (input: DaemonInput) => void,
): Promise<void> => {
  const { connection, support } = linkOf(state, host);
  const health = new Map([...state.health].filter(([key]) => isHostKey(host, key)));
  if (connection.kind !== 'up' || support.health === 'no') {
    return;
  }
  if (support.health === 'yes' && !anyHealth(health) && beat % IDLE_HEALTH_BEATS !== 0) {
    return;
  }
  await callFeature(
    {
      feature: 'health',
      support: support.health,
      call: () => api.getProcessHealth(),
      answer: (health) => ({ type: 'health', health }),
    },
    dispatch,
  );
};
