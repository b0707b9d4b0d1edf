// The daemon's signal handling, as supervisord: TERM/INT/QUIT ask for shutdown, HUP for a full
// reload, USR2 for log reopening. USR1 is caught and ignored: Node would otherwise open its
// debugger port on it.

import type { DaemonLogger } from '../ports/logger.js';

export type LifecycleRequest = 'shutdown' | 'restart';

export interface SignalHandlers {
  /** the current run's log (changes on reload) */
  readonly logger: () => DaemonLogger;
  readonly isStopping: () => boolean;
  readonly onLifecycle: (request: LifecycleRequest) => void;
  readonly onReopen: () => void;
}

const EXIT_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const;

export const installSignalHandlers = (h: SignalHandlers): void => {
  for (const sig of EXIT_SIGNALS) {
    process.on(sig, () => {
      h.logger().log('warn', `received ${sig} indicating exit request`);
      h.onLifecycle('shutdown');
    });
  }
  process.on('SIGHUP', () => {
    if (h.isStopping()) {
      h.logger().log('warn', 'ignored SIGHUP indicating restart request (shutdown in progress)');
      return;
    }
    h.logger().log('warn', 'received SIGHUP indicating restart request');
    h.onLifecycle('restart');
  });
  process.on('SIGUSR2', () => {
    h.logger().log('info', 'received SIGUSR2 indicating log reopen request');
    h.onReopen();
  });
  process.on('SIGUSR1', () => {
    h.logger().log('info', 'received SIGUSR1, ignored');
  });
};
