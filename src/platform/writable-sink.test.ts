// writableSink over a real Node Writable whose writes complete only when the test says: it pushes
// back while the stream is over its high-water mark, lets go on 'drain', and swallows output once
// the stream has failed (EPIPE) instead of holding the children's pipes paused forever.

import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { writableSink } from './writable-sink.js';

/** A stream that holds each write's completion until `complete()` (a reader that is behind). */
const slowStream = () => {
  const received: string[] = [];
  const pending: ((error?: Error | null) => void)[] = [];
  const stream = new Writable({
    highWaterMark: 8,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk.toString('utf8'));
      pending.push(callback);
    },
  });
  const complete = (error?: Error): void => {
    for (const callback of pending.splice(0)) {
      callback(error ?? null);
    }
  };
  return { stream, received, complete };
};

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('writableSink', () => {
  it('accepts writes while the stream keeps up', () => {
    const { stream } = slowStream();
    const sink = writableSink(stream);
    expect(sink.write(bytes('ab'))).toBe(true);
    let called = false;
    sink.onceDrained(() => (called = true));
    expect(called).toBe(true);
  });

  it('says stop past the high-water mark and go on once the stream drains', async () => {
    const { stream, received, complete } = slowStream();
    const sink = writableSink(stream);
    expect(sink.write(bytes('[a] first line\n'))).toBe(false);
    let drained = 0;
    sink.onceDrained(() => drained++);
    sink.onceDrained(() => drained++);
    await turn();
    expect(drained).toBe(0);
    complete();
    await turn();
    complete();
    await turn();
    expect(drained).toBe(2);
    expect(received.join('')).toBe('[a] first line\n');
  });

  it('swallows output once the stream failed, and releases whoever waits', async () => {
    const { stream, complete } = slowStream();
    const sink = writableSink(stream);
    sink.write(bytes('[a] a line before the reader went away\n'));
    let drained = false;
    sink.onceDrained(() => (drained = true));
    complete(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await turn();
    expect(drained).toBe(true);
    expect(sink.write(bytes('[a] more\n'))).toBe(true);
    let again = false;
    sink.onceDrained(() => (again = true));
    expect(again).toBe(true);
  });
});
