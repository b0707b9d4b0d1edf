// Which zombie children the daemon may reap itself (pure). A zombie child that libuv did not
// spawn is reaped only on its second sighting, at least MIN_SIGHTING_GAP_MS after the first: a
// child of libuv's own (a probe, the guardian) is reaped by libuv as soon as its SIGCHLD is
// handled, so it is never seen twice, and we never take its exit status from Node.

import { signalByNumber } from '../model/signals.js';

/** A zombie is only ours to reap when it is still there this long after we first saw it. */
export const MIN_SIGHTING_GAP_MS = 200;

/** A zombie child: its pid and start time (the pair names one process, never a reused pid). */
export interface Zombie {
  readonly pid: number;
  readonly startTicks: number;
}

/** Zombies seen and not yet reaped: `pid:startTicks` → when first seen. */
export type Sightings = ReadonlyMap<string, number>;

export interface SightingStep {
  /** reap these now (waitpid on each pid, WNOHANG) */
  readonly reap: readonly number[];
  /** the sightings to carry to the next scan */
  readonly sightings: Sightings;
}

const keyOf = (z: Zombie): string => `${z.pid}:${z.startTicks}`;

/**
 * One scan's verdict. `zombies` are the zombie children seen now that our spawner did not
 * create (or that it no longer tracks); a sighting not seen again is dropped (libuv reaped it).
 */
export const stepSightings = (
  previous: Sightings,
  zombies: readonly Zombie[],
  nowMs: number,
): SightingStep => {
  const reap: number[] = [];
  const sightings = new Map<string, number>();
  for (const zombie of zombies) {
    const key = keyOf(zombie);
    const firstSeenMs = previous.get(key);
    if (firstSeenMs !== undefined && nowMs - firstSeenMs >= MIN_SIGHTING_GAP_MS) {
      reap.push(zombie.pid);
    } else {
      sightings.set(key, firstSeenMs ?? nowMs);
    }
  }
  return { reap, sightings };
};

/** waitpid's status in supervisord's words (options.decode_wait_status). */
export const describeWaitStatus = (status: number): string => {
  const termSignal = status & 0x7f;
  if (termSignal === 0) {
    return `exit status ${(status >> 8) & 0xff}`;
  }
  if (termSignal !== 0x7f) {
    const name = signalByNumber(termSignal);
    const core = (status & 0x80) !== 0 ? ' (core dumped)' : '';
    return `terminated by ${name === undefined ? `signal ${termSignal}` : `SIG${name}`}${core}`;
  }
  return `unknown termination cause 0x${status.toString(16).padStart(4, '0')}`;
};
