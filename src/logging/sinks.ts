// The small interfaces between producers of bytes (child pipes) and their consumers (log files,
// the main log's debug copy): writes say when to stop, and consumers say when to go on.

import type { OutputChannel } from '../model/events.js';

export interface Drainable {
  /** Call `callback` once, as soon as the consumer accepts data again (at once if it does now). */
  onceDrained(callback: () => void): void;
}

export interface ByteSink extends Drainable {
  /**
   * Take bytes; false means stop feeding until drained. The chunk is lent for the call: a child's
   * output arrives in one read buffer that the next read overwrites, so a sink that keeps bytes
   * past the call (a queue, a held line) copies them. Never mutated.
   */
  write(chunk: Uint8Array): boolean;
}

/**
 * The main log's copy of child output at loglevel=debug (`'<name>' stdout output:\n<data>`);
 * `data` is lent, as to a ByteSink.
 */
export interface DebugOutputCopy extends Drainable {
  copyChildOutput(processName: string, channel: OutputChannel, data: Uint8Array): boolean;
}

/** The daemon's own stdout and stderr, shared by every channel that forwards (`*_forward`). */
export interface ForwardTargets {
  readonly stdout: ByteSink;
  readonly stderr: ByteSink;
}

/** Callbacks waiting for a queue to fall below its high-water mark. */
export class DrainWaiters {
  private waiting: (() => void)[] = [];

  add(callback: () => void): void {
    this.waiting.push(callback);
  }

  release(): void {
    if (this.waiting.length === 0) {
      return;
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const callback of waiting) {
      callback();
    }
  }
}
