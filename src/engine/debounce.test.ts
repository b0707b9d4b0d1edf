import { describe, expect, it } from 'vitest';

import { ManualClock } from '../../test/fakes/manual-clock.js';
import { Debouncer } from './debounce.js';

describe('Debouncer', () => {
  it('fires once, delayMs after the last of a burst of pokes', () => {
    const clock = new ManualClock();
    const fired: number[] = [];
    const debounce = new Debouncer(clock, 1000, () => fired.push(clock.monotonicMs()));
    for (let i = 0; i < 5; i++) {
      debounce.poke();
      clock.advance(300);
    }
    expect(fired).toEqual([]);
    expect(debounce.pending).toBe(true);
    clock.advance(699);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([2200]);
    expect(debounce.pending).toBe(false);
    clock.advance(10_000);
    expect(fired).toEqual([2200]);
  });

  it('fires again for a poke after a quiet window', () => {
    const clock = new ManualClock();
    let fired = 0;
    const debounce = new Debouncer(clock, 500, () => (fired += 1));
    debounce.poke();
    clock.advance(500);
    debounce.poke();
    clock.advance(500);
    expect(fired).toBe(2);
  });

  it('cancel drops a pending fire', () => {
    const clock = new ManualClock();
    let fired = 0;
    const debounce = new Debouncer(clock, 500, () => (fired += 1));
    debounce.poke();
    debounce.cancel();
    clock.advance(1000);
    expect(fired).toBe(0);
  });
});
