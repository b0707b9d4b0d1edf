// The Clock port: monotonic time for durations, wall time for display, and timers as callbacks.
// platform/node-clock.ts is the real one; test/fakes/manual-clock.ts drives time by hand.

export interface Timer {
  cancel(): void;
}

export interface Clock {
  /** Monotonic milliseconds; only differences are meaningful. */
  monotonicMs(): number;
  /** Wall-clock epoch milliseconds, for display, logs and getProcessInfo times. */
  wallMs(): number;
  /** Call `fire` once after `delayMs` (clamped at 0). */
  setTimer(delayMs: number, fire: () => void): Timer;
  /** Call `fire` once, after the event loop has next been back to I/O (a yield, not a delay). */
  afterIo(fire: () => void): Timer;
}
