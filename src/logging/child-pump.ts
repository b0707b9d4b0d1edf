// Reads one child pipe to EOF into a channel, pausing the pipe while the channel's sinks are full
// so the child (not the daemon's memory) absorbs a slow disk. Capture mode (*_capture_maxbytes,
// PROCESS_COMMUNICATION) is a target that splits captured text out before `record`.

import type { Readable } from 'node:stream';

import type { AnsiStripper } from './ansi-stripper.js';

export interface ChunkTarget {
  /** `data` is lent for the call (a view of the shared read buffer): copy what is kept. */
  record(data: Uint8Array, pid: number): boolean;
  onceWritable(callback: () => void): void;
  /** The pipe reached EOF: pass on anything held back. */
  end?(pid: number): void;
}

/** Resolves when the stream has ended, errored or closed; never rejects. */
export const pumpToEnd = (
  stream: Readable,
  target: ChunkTarget,
  pid: number,
  stripper: AnsiStripper | null,
): Promise<void> =>
  new Promise((resolve) => {
    if (stream.readableEnded || stream.destroyed) {
      resolve();
      return;
    }
    let waiting = false;
    const resume = (): void => {
      waiting = false;
      stream.resume();
    };
    const deliver = (data: Uint8Array): void => {
      if (data.length > 0 && !target.record(data, pid) && !waiting) {
        waiting = true;
        stream.pause();
        target.onceWritable(resume);
      }
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      deliver(stripper === null ? bytes : stripper.strip(bytes));
    };
    let finished = false;
    const finish = (): void => {
      if (finished) {
        return;
      }
      finished = true;
      stream.off('data', onData);
      if (stripper !== null) {
        deliver(stripper.end());
      }
      target.end?.(pid);
      resolve();
    };
    stream.on('data', onData);
    stream.once('end', finish);
    stream.once('close', finish);
    // A read error (EIO) ends this pipe like EOF; the daemon keeps supervising the process.
    stream.once('error', finish);
  });
