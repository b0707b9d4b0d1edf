// The real Clock: performance.now() for durations, Date.now() for display, setTimeout for timers,
// setImmediate to yield to I/O.

import type { Clock, Timer } from '../ports/clock.js';

export const nodeClock: Clock = {
  monotonicMs: () => performance.now(),
  wallMs: () => Date.now(),
  setTimer(delayMs: number, fire: () => void): Timer {
    const handle = setTimeout(fire, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(handle) };
  },
  afterIo(fire: () => void): Timer {
    const handle = setImmediate(fire);
    return { cancel: () => clearImmediate(handle) };
  },
};
