import { describe, expect, it } from 'vitest';

import { WriteQueue, totalBytes } from './write-queue.js';

const b = (s: string): Uint8Array => Buffer.from(s);
const text = (chunks: readonly Uint8Array[]): string => Buffer.concat(chunks).toString();

describe('WriteQueue', () => {
  it('takes everything at once when there is no limit, without copying', () => {
    const q = new WriteQueue();
    const first = b('abc');
    q.push(first);
    q.push(b('de'));
    expect(q.pendingBytes).toBe(5);
    const batch = q.take(Number.POSITIVE_INFINITY);
    expect(batch[0]).toBe(first);
    expect(text(batch)).toBe('abcde');
    expect(q.isEmpty).toBe(true);
    expect(q.pendingBytes).toBe(0);
  });

  it('stops after the chunk that reaches the limit, and always takes one chunk', () => {
    const q = new WriteQueue();
    for (const s of ['aa', 'bb', 'cc', 'dd']) {
      q.push(b(s));
    }
    expect(text(q.take(3))).toBe('aabb');
    expect(text(q.take(0))).toBe('cc');
    expect(text(q.take(-5))).toBe('dd');
  });

  it('puts the unwritten rest of a short write back in front', () => {
    const q = new WriteQueue();
    q.push(b('later'));
    q.putBack([b('abc'), b('def'), b('gh')], 4);
    expect(q.pendingBytes).toBe(9);
    expect(text(q.take(Number.POSITIVE_INFINITY))).toBe('efghlater');
  });

  it('clears and reports what it dropped', () => {
    const q = new WriteQueue();
    q.push(b('1234'));
    expect(q.clear()).toBe(4);
    expect(q.isEmpty).toBe(true);
    expect(totalBytes([b('ab'), b('c')])).toBe(3);
  });
});
