// Spawning in slices that yield to I/O: every spawn of every process goes through one pacer, which
// lets a slice of spawns run at once (bounded in time and count) and queues the rest for a later
// turn of the event loop, so a restart storm or a mass start never starves RPC, logs or signals.
// After a slice, a few turns of the loop go to I/O alone: an RPC call needs several turns (accept,
// read, answer), and with a slice in every turn each of its steps would wait out a fork.

import type { Clock, Timer } from '../ports/clock.js';

export interface SpawnPacing {
  /** spawning time one turn of the event loop may spend before the rest waits for the next */
  readonly sliceMs: number;
  /** and at most this many spawns per turn, however cheap they are */
  readonly maxPerSlice: number;
  /** turns of the event loop that go to I/O alone after a slice, before the next one */
  readonly ioTurns: number;
}

/**
 * One home for the pacing. A slice leaves RPC latency near sliceMs; the I/O turns between slices
 * cost microseconds each, so neither costs throughput (measured: docs/decisions/016).
 */
export const DEFAULT_SPAWN_PACING: SpawnPacing = { sliceMs: 10, maxPerSlice: 32, ioTurns: 2 };

export class SpawnPacer {
  /** waiting spawns in arrival order; each key at most once */
  private readonly queue = new Map<object, () => void>();
  private spentMs = 0;
  private count = 0;
  /** the end-of-turn callback that opens a fresh slice; null while no slice is open */
  private turnEnd: Timer | null = null;
  /** I/O-only turns still to pass before the queue gets its next slice */
  private ioTurnsLeft = 0;

  constructor(
    private readonly clock: Clock,
    private readonly pacing: SpawnPacing = DEFAULT_SPAWN_PACING,
  ) {}

  /** Spawns waiting for a later turn. */
  get waiting(): number {
    return this.queue.size;
  }

  /**
   * Run `spawn` now when this turn's slice has room and nobody is queued ahead (its answer is
   * returned), else queue `later` for a coming turn (undefined is returned). A key already
   * queued keeps its place.
   */
  submit<T>(key: object, spawn: () => T, later: () => void): T | undefined {
    if (this.queue.size === 0 && this.hasRoom()) {
      return this.timed(spawn);
    }
    if (!this.queue.has(key)) {
      this.queue.set(key, later);
    }
    this.openSlice();
    return undefined;
  }

  /** Forget a queued spawn (the process went away or no longer wants it). */
  cancel(key: object): void {
    this.queue.delete(key);
  }

  private hasRoom(): boolean {
    return this.spentMs < this.pacing.sliceMs && this.count < this.pacing.maxPerSlice;
  }

  private timed<T>(spawn: () => T): T {
    this.openSlice();
    const startMs = this.clock.monotonicMs();
    try {
      return spawn();
    } finally {
      this.spentMs += this.clock.monotonicMs() - startMs;
      this.count += 1;
    }
  }

  /** A slice lasts until the event loop has been back to I/O; then the budget is fresh. */
  private openSlice(): void {
    if (this.turnEnd === null) {
      this.turnEnd = this.clock.afterIo(() => this.nextTurn());
    }
  }

  private nextTurn(): void {
    this.turnEnd = null;
    if (this.ioTurnsLeft > 0) {
      this.ioTurnsLeft -= 1;
      this.openSlice();
      return;
    }
    this.spentMs = 0;
    this.count = 0;
    try {
      for (const [key, later] of this.queue) {
        if (!this.hasRoom()) {
          break;
        }
        this.queue.delete(key);
        this.timed(later);
      }
    } finally {
      this.ioTurnsLeft = this.queue.size > 0 ? this.pacing.ioTurns : 0;
      // timed() has opened the next slice already; this covers a spawn that threw.
      if (this.queue.size > 0) {
        this.openSlice();
      }
    }
  }
}
