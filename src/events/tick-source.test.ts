import { describe, expect, it } from 'vitest';

import { ManualClock } from '../../test/fakes/manual-clock.js';
import type { TickEvent } from '../model/events.js';
import { TickSource, timeslice } from './tick-source.js';

/** A clock whose wall time starts at `startS` epoch seconds. */
const ticking = (startS: number) => {
  const clock = new ManualClock(startS * 1000);
  const ticks: string[] = [];
  const source = new TickSource(clock, (e: TickEvent) => ticks.push(`TICK_${e.period}@${e.when}`));
  return { clock, ticks, source };
};

describe('ticks', () => {
  it('timeslice is the start of the period', () => {
    expect(timeslice(5, 1003.7)).toBe(1000);
    expect(timeslice(60, 1019)).toBe(960);
  });

  it('announces each 5 s boundary crossed, with when = the boundary, not the period under way', () => {
    const t = ticking(3597);
    t.source.start();
    t.clock.advance(2_999);
    expect(t.ticks).toEqual([]);
    t.clock.advance(1);
    // 3600 is a boundary of all three periods: shortest first, as supervisord's tick() does.
    expect(t.ticks).toEqual(['TICK_5@3600', 'TICK_60@3600', 'TICK_3600@3600']);
    t.clock.advance(5_000);
    expect(t.ticks.slice(3)).toEqual(['TICK_5@3605']);
  });

  it('announces TICK_60 once a minute and TICK_3600 once an hour', () => {
    const t = ticking(7200);
    t.source.start();
    t.clock.advance(3600 * 1000);
    const count = (p: string): number => t.ticks.filter((x) => x.startsWith(`${p}@`)).length;
    expect(count('TICK_5')).toBe(720);
    expect(count('TICK_60')).toBe(60);
    expect(count('TICK_3600')).toBe(1);
    expect(t.ticks).toContain('TICK_3600@10800');
  });

  it('keeps a single timer armed, and none after stop', () => {
    const t = ticking(1);
    t.source.start();
    t.source.start();
    expect(t.clock.activeTimers).toBe(1);
    t.clock.advance(60_000);
    expect(t.clock.activeTimers).toBe(1);
    t.source.stop();
    expect(t.clock.activeTimers).toBe(0);
    t.clock.advance(60_000);
    expect(t.ticks.filter((x) => x.startsWith('TICK_5@'))).toHaveLength(12);
  });
});
