import { describe, expect, it } from 'vitest';

import { EventBuffer, type QueuedEvent } from './event-buffer.js';

const ev = (serial: number): QueuedEvent => ({
  serial,
  poolSerial: serial,
  name: 'TICK_5',
  payload: () => '',
});
const serials = (b: EventBuffer): number[] => b.toArray().map((e) => e.serial);

describe('a pool buffer', () => {
  it('is first in, first out', () => {
    const b = new EventBuffer(10);
    b.push(ev(1));
    b.push(ev(2));
    expect(b.shift()?.serial).toBe(1);
    expect(b.shift()?.serial).toBe(2);
    expect(b.shift()).toBeUndefined();
  });

  it('discards the oldest event when a new one does not fit', () => {
    const b = new EventBuffer(2);
    expect(b.push(ev(1))).toBeUndefined();
    expect(b.push(ev(2))).toBeUndefined();
    expect(b.push(ev(3))?.serial).toBe(1);
    expect(serials(b)).toEqual([2, 3]);
  });

  it('puts a rejected event back at the head', () => {
    const b = new EventBuffer(3);
    b.push(ev(2));
    b.push(ev(3));
    expect(b.pushFront(ev(1))).toBeUndefined();
    expect(serials(b)).toEqual([1, 2, 3]);
  });

  it('when full, a rejected event still goes to the head, and the oldest queued one is dropped', () => {
    const b = new EventBuffer(2);
    b.push(ev(2));
    b.push(ev(3));
    expect(b.pushFront(ev(1))?.serial).toBe(2);
    expect(serials(b)).toEqual([1, 3]);
  });

  it('stays in order through many shifts and refills', () => {
    const b = new EventBuffer(1000);
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 20; i++) {
        b.push(ev(next++));
      }
      for (let i = 0; i < 15; i++) {
        out.push(b.shift()?.serial ?? -1);
      }
    }
    out.push(...serials(b));
    expect(out).toEqual([...Array(next).keys()]);
  });
});
