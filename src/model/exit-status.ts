// How a child ended, and supervisord's wording of it (`exit status 1`, `terminated by SIGKILL`,
// `received SIGCHLD indicating a child quit`).

import { type SignalName, signalByNumber } from './signals.js';

export type ExitStatus =
  | { readonly kind: 'exited'; readonly code: number }
  | {
      readonly kind: 'signalled';
      readonly signal: SignalName | number;
      readonly coreDumped: boolean;
    };

/**
 * supervisord's debug line after it reaped a child, its own or an orphan: it follows the child's
 * `exited:`, `stopped:` or `reaped unknown pid` line. Scripts and tests wait for it.
 */
export const CHILD_QUIT_TEXT = 'received SIGCHLD indicating a child quit';

/** supervisord's `<how>` text, used in `exited:` and `stopped:` log lines. */
export const describeExit = (status: ExitStatus): string => {
  if (status.kind === 'exited') {
    return `exit status ${status.code}`;
  }
  const name = typeof status.signal === 'number' ? signalByNumber(status.signal) : status.signal;
  const sig = name === undefined ? `signal ${String(status.signal)}` : `SIG${name}`;
  return `terminated by ${sig}${status.coreDumped ? ' (core dumped)' : ''}`;
};

/** The `exitstatus` value clients see: the code, or -1 for a death by signal. */
export const exitStatusCode = (status: ExitStatus): number =>
  status.kind === 'exited' ? status.code : -1;
