import { describe, expect, it } from 'vitest';

import type { Clock, Timer } from '../ports/clock.js';
import { SpawnPacer } from './spawn-pacer.js';

/** Time moves only when a spawn costs some; turn() is the event loop coming back from I/O. */
class TurnClock implements Clock {
  nowMs = 0;
  private yields: (() => void)[] = [];
  monotonicMs(): number {
    return this.nowMs;
  }
  wallMs(): number {
    return this.nowMs;
  }
  setTimer(): Timer {
    throw new Error('the pacer arms no timers');
  }
  afterIo(fire: () => void): Timer {
    this.yields.push(fire);
    return { cancel: () => (this.yields = this.yields.filter((f) => f !== fire)) };
  }
  /** One turn of the loop: the yields registered before it run (new ones wait for the next). */
  turn(): void {
    for (const fire of this.yields.splice(0)) {
      fire();
    }
  }
}

/** A pacer whose spawns each cost `costMs` of (fake) time and are recorded by name. */
const pacerWorld = (costMs: number, pacing = { sliceMs: 10, maxPerSlice: 32, ioTurns: 0 }) => {
  const clock = new TurnClock();
  const pacer = new SpawnPacer(clock, pacing);
  const spawned: string[] = [];
  const spawn = (name: string) => (): string => {
    clock.nowMs += costMs;
    spawned.push(name);
    return name;
  };
  const submit = (name: string, key: object = { name }) =>
    pacer.submit(key, spawn(name), spawn(`${name} (later)`));
  return { clock, pacer, spawned, submit };
};

describe('spawn pacer', () => {
  it('spawns at once, with the answer, while the slice has room', () => {
    const w = pacerWorld(1);
    expect(w.submit('a')).toBe('a');
    expect(w.submit('b')).toBe('b');
    expect(w.pacer.waiting).toBe(0);
  });

  it('queues what exceeds the slice and spawns it in later turns, in arrival order', () => {
    const w = pacerWorld(4);
    const answers = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => w.submit(n));
    // 4 + 4 + 4 ms: the third spawn crosses the 10 ms slice, the rest waits.
    expect(answers).toEqual(['a', 'b', 'c', undefined, undefined, undefined]);
    expect(w.pacer.waiting).toBe(3);
    w.clock.turn();
    expect(w.spawned).toEqual(['a', 'b', 'c', 'd (later)', 'e (later)', 'f (later)']);
    expect(w.pacer.waiting).toBe(0);
  });

  it('bounds a slice by count when spawns cost no time', () => {
    const w = pacerWorld(0, { sliceMs: 10, maxPerSlice: 3, ioTurns: 0 });
    const answers = ['a', 'b', 'c', 'd'].map((n) => w.submit(n));
    expect(answers).toEqual(['a', 'b', 'c', undefined]);
    w.clock.turn();
    expect(w.spawned).toEqual(['a', 'b', 'c', 'd (later)']);
  });

  it('keeps one place per key, and forgets a cancelled key', () => {
    const w = pacerWorld(0, { sliceMs: 10, maxPerSlice: 1, ioTurns: 0 });
    const a = {};
    const b = {};
    w.submit('first', {});
    w.submit('a', a);
    w.submit('a again', a);
    w.submit('b', b);
    w.pacer.cancel(b);
    expect(w.pacer.waiting).toBe(1);
    w.clock.turn();
    w.clock.turn();
    expect(w.spawned).toEqual(['first', 'a (later)']);
  });

  it('opens a fresh slice once the loop has been back to I/O', () => {
    const w = pacerWorld(4);
    w.submit('a');
    w.submit('b');
    w.submit('c');
    w.clock.turn();
    // A new turn: the budget is whole again, so these run at once.
    expect(w.submit('d')).toBe('d');
    expect(w.submit('e')).toBe('e');
  });

  it('runs one slice per turn, then gives turns to I/O alone while spawns still wait', () => {
    const w = pacerWorld(6, { sliceMs: 10, maxPerSlice: 32, ioTurns: 2 });
    for (const n of ['a', 'b', 'c', 'd', 'e']) {
      w.submit(n);
    }
    expect(w.spawned).toEqual(['a', 'b']);
    // A slice takes two 6 ms spawns (the second crosses the 10 ms slice).
    w.clock.turn();
    expect(w.spawned).toEqual(['a', 'b', 'c (later)', 'd (later)']);
    // Two turns for I/O: nothing spawns, and a newcomer queues behind 'e'.
    w.clock.turn();
    expect(w.submit('f')).toBeUndefined();
    w.clock.turn();
    expect(w.spawned).toHaveLength(4);
    w.clock.turn();
    expect(w.spawned).toEqual(['a', 'b', 'c (later)', 'd (later)', 'e (later)', 'f (later)']);
  });

  it('takes no I/O turns once the queue is empty', () => {
    const w = pacerWorld(6, { sliceMs: 10, maxPerSlice: 32, ioTurns: 2 });
    for (const n of ['a', 'b', 'c']) {
      w.submit(n);
    }
    w.clock.turn();
    expect(w.spawned).toEqual(['a', 'b', 'c (later)']);
    w.clock.turn();
    expect(w.submit('d')).toBe('d');
  });

  it('keeps draining after a spawn that throws', () => {
    const clock = new TurnClock();
    const pacer = new SpawnPacer(clock, { sliceMs: 10, maxPerSlice: 1, ioTurns: 0 });
    const ran: string[] = [];
    pacer.submit(
      {},
      () => ran.push('now'),
      () => undefined,
    );
    pacer.submit(
      {},
      () => undefined,
      () => {
        throw new Error('boom');
      },
    );
    pacer.submit(
      {},
      () => undefined,
      () => ran.push('after'),
    );
    expect(() => clock.turn()).toThrow('boom');
    clock.turn();
    expect(ran).toEqual(['now', 'after']);
  });
});
