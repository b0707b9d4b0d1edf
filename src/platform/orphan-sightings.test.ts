import { describe, expect, it } from 'vitest';

import {
  describeWaitStatus,
  MIN_SIGHTING_GAP_MS,
  stepSightings,
  type Sightings,
} from './orphan-sightings.js';
import { parseStatFields } from './proc-stat-fields.js';

const z = (pid: number, startTicks = 100) => ({ pid, startTicks });

describe('stepSightings', () => {
  it('never reaps a zombie on its first sighting', () => {
    const step = stepSightings(new Map(), [z(7), z(8)], 1000);
    expect(step.reap).toEqual([]);
    expect([...step.sightings]).toEqual([
      ['7:100', 1000],
      ['8:100', 1000],
    ]);
  });

  it('reaps a zombie seen again at least the gap later', () => {
    const first = stepSightings(new Map(), [z(7)], 1000);
    const second = stepSightings(first.sightings, [z(7)], 1000 + MIN_SIGHTING_GAP_MS);
    expect(second.reap).toEqual([7]);
    expect(second.sightings.size).toBe(0);
  });

  it('waits when the second scan comes too soon, keeping the first sighting time', () => {
    const first = stepSightings(new Map(), [z(7)], 1000);
    const soon = stepSightings(first.sightings, [z(7)], 1000 + MIN_SIGHTING_GAP_MS - 1);
    expect(soon.reap).toEqual([]);
    expect(soon.sightings.get('7:100')).toBe(1000);
    expect(stepSightings(soon.sightings, [z(7)], 1000 + MIN_SIGHTING_GAP_MS).reap).toEqual([7]);
  });

  it('forgets a zombie that went away (libuv reaped its own child)', () => {
    const first = stepSightings(new Map(), [z(7), z(8)], 1000);
    const second = stepSightings(first.sightings, [z(8)], 2000);
    expect(second.reap).toEqual([8]);
    expect(stepSightings(second.sightings, [z(7)], 3000).reap).toEqual([]);
  });

  it('tells a reused pid apart by its start time', () => {
    const previous: Sightings = new Map([['7:100', 0]]);
    const step = stepSightings(previous, [z(7, 101)], 5000);
    expect(step.reap).toEqual([]);
    expect([...step.sightings]).toEqual([['7:101', 5000]]);
  });
});

describe('describeWaitStatus (supervisord decode_wait_status)', () => {
  it.each([
    [0x0000, 'exit status 0'],
    [0x0300, 'exit status 3'],
    [0xff00, 'exit status 255'],
    [9, 'terminated by SIGKILL'],
    [15, 'terminated by SIGTERM'],
    [0x80 | 11, 'terminated by SIGSEGV (core dumped)'],
    [40, 'terminated by signal 40'],
    [0x137f, 'unknown termination cause 0x137f'],
  ])('%i → %s', (status, words) => {
    expect(describeWaitStatus(status)).toBe(words);
  });
});

describe('parseStatFields', () => {
  const line = (comm: string, state: string): string =>
    `42 (${comm}) ${state} 7 40 40 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 12345 1000 200 18446744073709551615\n`;

  it.each([
    ['sleep', 'Z'],
    ['my (odd) name', 'S'],
    ['x) Z 1 2 3', 'R'],
  ])('reads state, parent, group and start time with the name %j', (comm, state) => {
    expect(parseStatFields(line(comm, state))).toEqual({
      pid: 42,
      state,
      ppid: 7,
      pgrp: 40,
      startTicks: 12345,
    });
  });

  it('refuses what is not a stat line', () => {
    expect(parseStatFields('')).toBeNull();
    expect(parseStatFields('42 (sleep) S 7')).toBeNull();
    expect(parseStatFields('x (sleep) S 7 40 40')).toBeNull();
  });
});
