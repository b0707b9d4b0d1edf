// Keeps the live UI's snapshot current. State changes are pushed: a long-poll on
// tssupervisor.waitForStateChange answers as soon as anything changes, and the list is fetched
// again then. Figures (CPU, memory, restarts) are fetched every 5 s while the page is visible,
// with health too when some process uses readiness, liveness or dependencies (health changes
// that come with a state change arrive with the list anyway). A failed call (the daemon restarting, the network) says so and retries, quickly at
// first: the page reconnects by itself.

import type { SupervisorApi } from '../../../protocol/supervisor-api.js';
import type { TssupervisorApi } from '../../../protocol/tssupervisor-api.js';
import {
  EMPTY_SNAPSHOT,
  withHealth,
  withProcesses,
  withStats,
  type LiveSnapshot,
} from './live-snapshot.js';
import { retryDelayMs } from './retry-delay.js';
import type { UiClock } from './ui-clock.js';

/** How long one long-poll waits: under the 60 s proxies commonly allow an idle request. */
export const LONG_POLL_MS = 25_000;
/** Measuring 100 process trees costs the daemon ~20 ms: every 5 s keeps an open page cheap. */
export const FIGURES_EVERY_MS = 5_000;

export type Connection =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'reconnecting'; readonly why: string; readonly retryInMs: number };

export interface LiveSyncDeps {
  readonly supervisor: SupervisorApi;
  readonly tssupervisor: TssupervisorApi;
  readonly clock: UiClock;
  readonly isVisible: () => boolean;
  readonly onSnapshot: (snapshot: LiveSnapshot) => void;
  readonly onConnection: (connection: Connection) => void;
}

export interface LiveSync {
  /** Fetch the list now (after an action, without waiting for the long-poll). */
  refresh(): Promise<void>;
  current(): LiveSnapshot;
}

/** Runs until `signal` aborts. */
export const startLiveSync = (deps: LiveSyncDeps, signal: AbortSignal): LiveSync => {
  const { clock } = deps;
  const stopped = (): boolean => signal.aborted;
  let snapshot = EMPTY_SNAPSHOT;
  const publish = (next: LiveSnapshot): void => {
    snapshot = next;
    deps.onSnapshot(snapshot);
  };

  const fetchList = async (): Promise<void> => {
    const [processes, health] = await Promise.all([
      deps.supervisor.getAllProcessInfo(),
      deps.tssupervisor.getProcessHealth(),
    ]);
    publish(withHealth(withProcesses(snapshot, processes, clock.nowMs() / 1000), health));
  };

  const fetchFigures = async (): Promise<void> => {
    const [stats, health] = await Promise.all([
      deps.tssupervisor.getProcessStats(),
      usesHealth(snapshot) ? deps.tssupervisor.getProcessHealth() : null,
    ]);
    const withFigures = withStats(snapshot, stats);
    publish(health === null ? withFigures : withHealth(withFigures, health));
  };

  const followChanges = async (): Promise<void> => {
    let token = '';
    let failures = 0;
    deps.onConnection({ kind: 'connecting' });
    while (!stopped()) {
      try {
        // '' answers at once with the current token: the first list, and the first after a
        // reconnect (a restarted daemon has new tokens anyway).
        const next = await deps.tssupervisor.waitForStateChange(
          token,
          token === '' ? 0 : LONG_POLL_MS,
        );
        if (next !== token) {
          await fetchList();
          if (token === '') {
            await fetchFigures();
          }
        }
        token = next;
        failures = 0;
        deps.onConnection({ kind: 'live' });
      } catch (error: unknown) {
        if (stopped()) {
          return;
        }
        failures += 1;
        token = '';
        const retryInMs = retryDelayMs(failures);
        deps.onConnection({ kind: 'reconnecting', why: messageOf(error), retryInMs });
        await clock.sleep(retryInMs, signal);
      }
    }
  };

  void followChanges();
  const stopFigures = clock.every(FIGURES_EVERY_MS, () => {
    if (deps.isVisible() && snapshot.processes.length > 0) {
      // A failure shows in the long-poll's state; the next tick tries again.
      fetchFigures().catch(() => undefined);
    }
  });
  signal.addEventListener('abort', stopFigures, { once: true });

  return {
    refresh: () => fetchList().catch(() => undefined),
    current: () => snapshot,
  };
};

/** Whether any process has health to follow between state changes. */
const usesHealth = (snapshot: LiveSnapshot): boolean =>
  [...snapshot.health.values()].some(
    (h) =>
      h.readiness !== 'none' ||
      h.liveness !== 'none' ||
      h.waiting_for !== '' ||
      h.restart_in >= 0 ||
      h.depends_on.length > 0 ||
      h.reason !== '',
  );

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
