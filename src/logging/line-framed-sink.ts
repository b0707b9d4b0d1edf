// A ByteSink that frames a channel's output into lines (LineFormatter) before passing it on to
// another sink (a log file, the daemon's stdout): whole lines go on at once, an unfinished line
// after `partialDelayMs`, or at EOF. Backpressure is the target's.

import type { Clock, Timer } from '../ports/clock.js';
import type { LineFormatter } from './line-formatter.js';
import type { ByteSink } from './sinks.js';

/** How long an unfinished line (a prompt, a progress bar) waits for its end before it is written. */
export const PARTIAL_LINE_DELAY_MS = 200;

export class LineFramedSink implements ByteSink {
  private timer: Timer | null = null;

  constructor(
    private readonly formatter: LineFormatter,
    private readonly target: ByteSink,
    private readonly clock: Pick<Clock, 'wallMs' | 'setTimer'>,
    private readonly partialDelayMs = PARTIAL_LINE_DELAY_MS,
  ) {}

  write(chunk: Uint8Array): boolean {
    const more = this.pass(this.formatter.push(chunk, this.clock.wallMs()));
    this.armFlush();
    return more;
  }

  onceDrained(callback: () => void): void {
    this.target.onceDrained(callback);
  }

  /** EOF of the pipe (or the process going away): write what is held. */
  end(): void {
    this.timer?.cancel();
    this.timer = null;
    this.pass(this.formatter.end(this.clock.wallMs()));
  }

  private pass(chunks: readonly Uint8Array[]): boolean {
    let more = true;
    for (const chunk of chunks) {
      more = this.target.write(chunk) && more;
    }
    return more;
  }

  /** Arm the flush of the held line, due `partialDelayMs` after its first byte arrived. */
  private armFlush(): void {
    if (this.timer !== null || !this.formatter.holding) {
      return;
    }
    const age = this.clock.wallMs() - this.formatter.heldSinceMs;
    // A wall clock stepped backwards gives a negative age: never wait longer than the delay.
    const wait = age < 0 ? this.partialDelayMs : Math.max(0, this.partialDelayMs - age);
    this.timer = this.clock.setTimer(wait, () => {
      this.timer = null;
      if (!this.formatter.holding) {
        return;
      }
      const now = this.clock.wallMs();
      const heldFor = now - this.formatter.heldSinceMs;
      if (heldFor >= 0 && heldFor < this.partialDelayMs) {
        // A newer line than the one the timer was armed for: give it its own delay.
        this.armFlush();
        return;
      }
      // What stays held (half a UTF-8 character) waits for more output or EOF, not for a timer.
      this.pass(this.formatter.flushPartial(now));
    });
  }
}
