// TICK_5 / TICK_60 / TICK_3600: published when wall-clock time crosses a multiple of the period,
// with `when` = that boundary in epoch seconds. One timer, armed for the next 5 s boundary.

import type { TickEvent } from '../model/events.js';
import type { Clock, Timer } from '../ports/clock.js';

const PERIODS: readonly TickEvent['period'][] = [5, 60, 3600];
/** every period is a multiple of the shortest, so waking at its boundaries catches them all */
const SHORTEST_S = 5;

/** supervisord's timeslice(): the start of the period `nowS` falls in. */
export const timeslice = (periodS: number, nowS: number): number =>
  Math.trunc(nowS - (nowS % periodS));

export class TickSource {
  private readonly last = new Map<number, number>();
  private timer: Timer | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly publish: (event: TickEvent) => void,
  ) {}

  /** Like supervisord, the period under way at start is not announced; the next boundary is. */
  start(): void {
    if (this.timer !== null) {
      return;
    }
    const nowS = this.clock.wallMs() / 1000;
    for (const period of PERIODS) {
      this.last.set(period, timeslice(period, nowS));
    }
    this.arm();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private arm(): void {
    const nowMs = this.clock.wallMs();
    const nextMs = (timeslice(SHORTEST_S, nowMs / 1000) + SHORTEST_S) * 1000;
    this.timer = this.clock.setTimer(nextMs - nowMs, () => this.fire());
  }

  private fire(): void {
    // A timer may fire a little early (or the wall clock may have moved): only a changed slice
    // is announced, shortest period first, as supervisord's tick() does.
    const nowS = this.clock.wallMs() / 1000;
    for (const period of PERIODS) {
      const slice = timeslice(period, nowS);
      if (slice !== this.last.get(period)) {
        this.last.set(period, slice);
        this.publish({ type: 'TICK', period, when: slice });
      }
    }
    this.arm();
  }
}
