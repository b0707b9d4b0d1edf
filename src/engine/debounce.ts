// A trailing debounce on the Clock: each poke restarts the wait, and `fire` runs once the pokes
// have been quiet for `delayMs` (watch_debounce: a burst of file changes makes one restart).

import type { Clock, Timer } from '../ports/clock.js';

export class Debouncer {
  private timer: Timer | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly delayMs: number,
    private readonly fire: () => void,
  ) {}

  get pending(): boolean {
    return this.timer !== null;
  }

  poke(): void {
    this.timer?.cancel();
    this.timer = this.clock.setTimer(this.delayMs, () => {
      this.timer = null;
      this.fire();
    });
  }

  cancel(): void {
    this.timer?.cancel();
    this.timer = null;
  }
}
