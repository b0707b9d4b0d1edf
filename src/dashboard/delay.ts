// Waiting on the Clock port: resolves after `ms` (at once for none), or when `signal` aborts.

import type { Clock } from '../ports/clock.js';

export const delay = (clock: Pick<Clock, 'setTimer'>, ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      timer.cancel();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = clock.setTimer(ms, done);
    signal.addEventListener('abort', done, { once: true });
  });

/** Read through a call: TypeScript keeps a narrowed `signal.aborted` across awaits. */
export const isAborted = (signal: AbortSignal): boolean => signal.aborted;
