// Counts the children a process starts, without asking it or reading its logs: its child list
// in /proc is read every 20 ms and each pid not there the time before is stamped as a new
// child. A child that lives at least that long (the storm's live 50 ms, and a child stays listed
// until it is reaped) is seen whatever the daemon's own log says, so the count is the same
// measure for every daemon.

import { childPids } from './proc-stats.js';

export interface ChildCounter {
  /** wall-clock ms at which each child was first seen, in order */
  readonly firstSeen: readonly number[];
  /** children first seen in [fromMs, toMs) */
  between(fromMs: number, toMs: number): number;
  stop(): void;
}

export const startChildCounter = (
  pid: number,
  everyMs: number,
  now: () => number,
): ChildCounter => {
  // Only the previous look's pids are remembered: pids wrap (pid_max may be 32768, a storm
  // goes through that in under a minute), and a pid seen again after a gap is a new child.
  let previous = new Set<number>();
  const firstSeen: number[] = [];
  const look = (): void => {
    const at = now();
    const current = new Set(childPids(pid));
    for (const child of current) {
      if (!previous.has(child)) {
        firstSeen.push(at);
      }
    }
    previous = current;
  };
  look();
  const timer = setInterval(look, everyMs);
  return {
    firstSeen,
    between: (fromMs, toMs) => firstSeen.filter((at) => at >= fromMs && at < toMs).length,
    stop: () => clearInterval(timer),
  };
};
