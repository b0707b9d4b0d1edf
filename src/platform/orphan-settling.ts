// The daemon's last step as PID 1 of a container: when it exits, the kernel SIGKILLs every
// process left in the namespace, so the orphans it adopted get a moment to finish first. Those
// a stop already signalled (a program's process group with stopasgroup) usually exit within
// milliseconds; after a wait, the ones still running get SIGTERM, as an init's shutdown sends,
// and a second wait; whatever runs after that is left to the kernel, and the log says so.

import type { LogLevel } from '../model/log-level.js';
import type { Clock } from '../ports/clock.js';

/** How long the orphans get on their own, and then after SIGTERM. */
export const ORPHAN_EXIT_WAIT_MS = 1000;
export const ORPHAN_TERM_WAIT_MS = 1000;
const POLL_MS = 20;

export interface OrphanSettling {
  /** the adopted orphans that still run */
  readonly liveOrphans: () => number[];
  readonly terminate: (pid: number) => void;
  readonly clock: Clock;
  readonly log: (level: LogLevel, message: string) => void;
}

const processes = (pids: readonly number[]): string =>
  `${pids.length} orphaned process${pids.length === 1 ? '' : 'es'} (${pids.join(', ')})`;

/** Waits until no orphan runs or `ms` passed; the ones still running. */
const waitForExit = async (s: OrphanSettling, ms: number): Promise<number[]> => {
  const deadlineMs = s.clock.monotonicMs() + ms;
  let live = s.liveOrphans();
  while (live.length > 0 && s.clock.monotonicMs() < deadlineMs) {
    await new Promise<void>((resolve) => s.clock.setTimer(POLL_MS, resolve));
    live = s.liveOrphans();
  }
  return live;
};

export const settleOrphans = async (s: OrphanSettling): Promise<void> => {
  const first = s.liveOrphans();
  if (first.length === 0) {
    return;
  }
  s.log('info', `waiting for ${processes(first)} to exit before the container ends`);
  const stubborn = await waitForExit(s, ORPHAN_EXIT_WAIT_MS);
  if (stubborn.length === 0) {
    return;
  }
  s.log('warn', `sending SIGTERM to ${processes(stubborn)}`);
  for (const pid of stubborn) {
    s.terminate(pid);
  }
  const left = await waitForExit(s, ORPHAN_TERM_WAIT_MS);
  if (left.length > 0) {
    s.log('warn', `leaving ${processes(left)} to be killed with the container`);
  }
};
