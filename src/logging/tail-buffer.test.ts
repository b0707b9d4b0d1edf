import { describe, expect, it } from 'vitest';

import { TailBuffer } from './tail-buffer.js';

const text = (t: TailBuffer): string => Buffer.from(t.read()).toString();

describe('TailBuffer', () => {
  it('keeps the last `capacity` bytes across chunks', () => {
    const t = new TailBuffer(5);
    t.push(Buffer.from('abc'));
    expect(text(t)).toBe('abc');
    t.push(Buffer.from('defg'));
    expect(text(t)).toBe('cdefg');
    t.push(Buffer.from('0123456789'));
    expect(text(t)).toBe('56789');
  });

  it('stays correct with many tiny chunks', () => {
    const t = new TailBuffer(10);
    let all = '';
    for (let i = 0; i < 1000; i++) {
      const s = String(i % 10);
      all += s;
      t.push(Buffer.from(s));
    }
    expect(text(t)).toBe(all.slice(-10));
  });

  it('keeps nothing with capacity 0', () => {
    const t = new TailBuffer(0);
    t.push(Buffer.from('abc'));
    expect(t.read().length).toBe(0);
  });
});
