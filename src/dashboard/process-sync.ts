// Keeps the dashboard's process list current: long-polls tssupervisor.waitForStateChange and
// fetches getAllProcessInfo after each change (polling once a second against a daemon without
// it); on failure reports the connection lost and tries again, backing off.

import type { Clock } from '../ports/clock.js';
import type { DashboardApi } from './daemon-api.js';
import { delay, isAborted } from './delay.js';
import { failureText, isUnknownMethod } from './failures.js';
import type { DaemonInput } from './inputs.js';

export interface ProcessSyncDeps {
  readonly api: DashboardApi;
  readonly clock: Clock;
  readonly dispatch: (input: DaemonInput) => void;
  readonly serverUrl: string;
  readonly signal: AbortSignal;
}

/** What the long-poll asks the daemon to wait at most. */
export const LONG_POLL_MS = 20_000;
/** Without the long-poll: how often the list is fetched. */
export const POLL_MS = 1000;
/** At most this often, however many changes: a storm of them costs a few fetches a second. */
const MIN_REFRESH_MS = 250;
const RETRY_MS = [250, 500, 1000, 2000];
/** The token while polling: anything but '' (which means "fetch at once"). */
const POLLED = 'polled';

export const syncProcesses = async (deps: ProcessSyncDeps): Promise<void> => {
  const { api, clock, dispatch, signal } = deps;
  let longPoll = true;
  let token = '';
  let lastFetchMs = Number.NEGATIVE_INFINITY;
  let failures = 0;
  let announced = false;

  const fetch = async (): Promise<void> => {
    await delay(clock, lastFetchMs + MIN_REFRESH_MS - clock.monotonicMs(), signal);
    lastFetchMs = clock.monotonicMs();
    const processes = await api.reads.getAllProcessInfo();
    if (!signal.aborted) {
      dispatch({ type: 'processes', processes, receivedAtMs: clock.wallMs() });
    }
  };

  /** Returns when there may be something new to fetch. */
  const waitForChange = async (): Promise<boolean> => {
    if (!longPoll) {
      // At once after (re)connecting, else a second after the previous fetch.
      await delay(clock, token === '' ? 0 : POLL_MS, signal);
      token = POLLED;
      return true;
    }
    try {
      const next = await api.waitForStateChange(token, LONG_POLL_MS);
      const changed = next !== token;
      token = next;
      if (!announced) {
        announced = true;
        dispatch({ type: 'support', feature: 'events', support: 'yes' });
      }
      return changed;
    } catch (error) {
      if (!isUnknownMethod(error)) {
        throw error;
      }
      longPoll = false;
      token = POLLED;
      dispatch({ type: 'support', feature: 'events', support: 'no' });
      return true;
    }
  };

  while (!signal.aborted) {
    try {
      if (await waitForChange()) {
        await fetch();
      }
      failures = 0;
    } catch (error) {
      if (isAborted(signal)) {
        return;
      }
      dispatch({
        type: 'connection-lost',
        reason: failureText(error, deps.serverUrl),
        atMs: clock.wallMs(),
      });
      // After a reconnect, everything is fetched afresh.
      token = '';
      await delay(clock, RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 2000, signal);
      failures += 1;
    }
  }
};
