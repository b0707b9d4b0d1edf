// A Node Writable (the daemon's process.stdout or process.stderr) as a byte sink with
// backpressure, for forwarded child output: write() says when to stop (the reader of a pipe or
// socket is behind), onceDrained() when to go on. A stream that failed (EPIPE: the reader went
// away) swallows what is written instead of holding the children's pipes paused forever.

import type { Writable } from 'node:stream';

export interface WritableSink {
  write(chunk: Uint8Array): boolean;
  onceDrained(callback: () => void): void;
}

export const writableSink = (stream: Writable): WritableSink => {
  let failed = false;
  let waiting: (() => void)[] = [];
  const release = (): void => {
    const callbacks = waiting;
    waiting = [];
    for (const callback of callbacks) {
      callback();
    }
  };
  stream.on('drain', release);
  stream.on('error', () => {
    failed = true;
    release();
  });
  const usable = (): boolean => !failed && !stream.destroyed;
  return {
    // The stream keeps the chunk until written, and a ByteSink's chunk is only lent: a copy.
    write: (chunk) => !usable() || stream.write(Buffer.from(chunk)),
    onceDrained: (callback) => {
      if (!usable() || !stream.writableNeedDrain) {
        callback();
      } else {
        waiting.push(callback);
      }
    },
  };
};
