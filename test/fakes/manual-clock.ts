// A Clock driven by hand: time stands still until advance(ms), which fires every due timer in
// due-time order (timers armed while firing run too, if they fall inside the advanced window).

import type { Clock, Timer } from '../../src/ports/clock.js';

interface Pending {
  readonly dueMs: number;
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

export class ManualClock implements Clock {
  private nowMs = 0;
  private seq = 0;
  private pending: Pending[] = [];

  /** @param wallStartMs the wall-clock epoch ms at monotonic time 0 */
  constructor(private readonly wallStartMs = Date.UTC(2024, 0, 1, 12, 0, 0)) {}

  monotonicMs(): number {
    return this.nowMs;
  }

  wallMs(): number {
    return this.wallStartMs + this.nowMs;
  }

  setTimer(delayMs: number, fire: () => void): Timer {
    const entry: Pending = {
      dueMs: this.nowMs + Math.max(0, delayMs),
      seq: this.seq++,
      fire,
      cancelled: false,
    };
    this.pending.push(entry);
    return {
      cancel: () => {
        entry.cancelled = true;
      },
    };
  }

  /** A yield to I/O: due at once, so the next advance() (even advance(0)) fires it. */
  afterIo(fire: () => void): Timer {
    return this.setTimer(0, fire);
  }

  /** Move time forward by `ms`, firing due timers one by one at their own due time. */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (;;) {
      const next = this.nextDue();
      if (next === undefined || next.dueMs > target) {
        break;
      }
      this.pending = this.pending.filter((p) => p !== next);
      this.nowMs = next.dueMs;
      next.fire();
    }
    this.nowMs = target;
  }

  /** Timers armed and neither fired nor cancelled. */
  get activeTimers(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }

  private nextDue(): Pending | undefined {
    this.pending = this.pending.filter((p) => !p.cancelled);
    let best: Pending | undefined;
    for (const p of this.pending) {
      if (
        best === undefined ||
        p.dueMs < best.dueMs ||
        (p.dueMs === best.dueMs && p.seq < best.seq)
      ) {
        best = p;
      }
    }
    return best;
  }
}
