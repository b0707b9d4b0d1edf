// What tssupervisor.waitForStateChange watches: a token that changes whenever a process changes
// state or a group is added or removed, a wait for the next change, and each process's restarts
// (spawns after its first) in this run of the daemon.

import type { ProcessGroupEvent, ProcessStateEvent } from '../../model/events.js';
import type { SupervisorFacade } from '../supervisor-facade.js';

export interface ChangeFeed {
  token(): string;
  /** Resolves at the next change, after `timeoutMs`, or when `signal` aborts. */
  next(timeoutMs: number, signal: AbortSignal): Promise<void>;
  restarts(group: string, name: string): number;
}

type FeedFacade = Pick<SupervisorFacade, 'onProcessChange' | 'setTimer' | 'wallMs'>;

export const createChangeFeed = (facade: FeedFacade): ChangeFeed => {
  // The run's start time keeps tokens of a reloaded daemon from matching an older run's.
  const run = Math.floor(facade.wallMs()).toString(36);
  let serial = 0;
  const waiters = new Set<() => void>();
  const spawns = new Map<string, number>();
  const keyOf = (group: string, name: string): string => `${group}:${name}`;

  const count = (event: ProcessStateEvent | ProcessGroupEvent): void => {
    if (event.type === 'PROCESS_STATE' && event.to === 'STARTING') {
      const key = keyOf(event.groupName, event.processName);
      spawns.set(key, (spawns.get(key) ?? 0) + 1);
    } else if (event.type === 'PROCESS_GROUP' && event.change === 'REMOVED') {
      for (const key of spawns.keys()) {
        if (key.startsWith(`${event.groupName}:`)) {
          spawns.delete(key);
        }
      }
    }
  };

  facade.onProcessChange((event) => {
    serial += 1;
    count(event);
    const woken = [...waiters];
    waiters.clear();
    for (const wake of woken) {
      wake();
    }
  });

  return {
    token: () => `${run}.${serial}`,
    next: (timeoutMs, signal) =>
      new Promise((resolve) => {
        const done = (): void => {
          timer.cancel();
          waiters.delete(done);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = facade.setTimer(timeoutMs, done);
        waiters.add(done);
        signal.addEventListener('abort', done, { once: true });
        if (signal.aborted) {
          done();
        }
      }),
    restarts: (group, name) => Math.max(0, (spawns.get(keyOf(group, name)) ?? 0) - 1),
  };
};
