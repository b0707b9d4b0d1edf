// shutdown_on: whether a process's change of state ends the daemon, and with which exit status —
// the program's own (128 + N for a death by signal N, as a shell reports it; 1 when it never
// ran), so an orchestrator sees why its container stopped.

import type { ShutdownOn } from '../config/types.js';
import type { ProcessStateEvent } from '../model/events.js';
import { describeExit, type ExitStatus } from '../model/exit-status.js';
import { signalNumber } from '../model/signals.js';

export interface DaemonExit {
  readonly status: number;
  /** what happened, for the main log: `exited (exit status 3)`, `entered FATAL` */
  readonly what: string;
}

const ended = (event: ProcessStateEvent, shutdownOn: ShutdownOn): boolean => {
  switch (shutdownOn) {
    case 'never':
      return false;
    case 'fatal':
      return event.to === 'FATAL';
    case 'unexpected':
      return (
        event.to === 'FATAL' ||
        (event.to === 'BACKOFF' && event.from === 'STARTING') ||
        (event.to === 'EXITED' && !event.expected)
      );
    case 'exit':
      return (
        event.to === 'FATAL' ||
        (event.to === 'BACKOFF' && event.from === 'STARTING') ||
        event.to === 'EXITED'
      );
  }
};

const statusOf = (exit: ExitStatus | null): number => {
  if (exit === null) {
    return 1;
  }
  if (exit.kind === 'exited') {
    return exit.code;
  }
  const number = typeof exit.signal === 'number' ? exit.signal : signalNumber(exit.signal);
  return 128 + number;
};

/** The daemon's exit for this event, or null when it does not end the daemon. */
export const daemonExitFor = (
  event: ProcessStateEvent,
  shutdownOn: ShutdownOn,
  lastExit: ExitStatus | null,
): DaemonExit | null => {
  if (!ended(event, shutdownOn)) {
    return null;
  }
  const status = statusOf(lastExit);
  return {
    status,
    what:
      event.to === 'FATAL' || lastExit === null
        ? 'entered FATAL'
        : `exited (${describeExit(lastExit)})`,
  };
};
