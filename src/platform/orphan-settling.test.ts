import { describe, expect, it } from 'vitest';

import { ManualClock } from '../../test/fakes/manual-clock.js';
import { ORPHAN_EXIT_WAIT_MS, ORPHAN_TERM_WAIT_MS, settleOrphans } from './orphan-settling.js';

/** Orphans that exit at a given (fake) time, or on SIGTERM after a delay, or never. */
const world = async (orphans: Record<number, { exitsAtMs?: number; termExitMs?: number }>) => {
  const clock = new ManualClock();
  const now = (): number => clock.monotonicMs();
  const exitAt = new Map(
    Object.entries(orphans).map(([pid, o]) => [Number(pid), o.exitsAtMs ?? Infinity]),
  );
  const lines: string[] = [];
  const terminated: number[] = [];
  const progress = { done: false, atMs: Number.NaN };
  void settleOrphans({
    liveOrphans: () => [...exitAt].filter(([, at]) => at > now()).map(([pid]) => pid),
    terminate: (pid) => {
      terminated.push(pid);
      const after = orphans[pid]?.termExitMs;
      if (after !== undefined) {
        exitAt.set(pid, Math.min(exitAt.get(pid) ?? Infinity, now() + after));
      }
    },
    clock,
    log: (level, message) => lines.push(`${level} ${message}`),
  }).then(() => {
    progress.done = true;
    progress.atMs = now();
  });
  // Time moves 1 ms at a time, the settling's promises settling in between, until it is done.
  for (let ms = 0; !progress.done && ms < 10_000; ms += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(1);
  }
  return { lines, terminated, endedAtMs: progress.atMs };
};

describe('settling orphans before PID 1 exits', () => {
  it('does nothing without orphans', async () => {
    const w = await world({});
    expect([w.lines, w.terminated, w.endedAtMs]).toEqual([[], [], 0]);
  });

  it('waits for orphans that exit on their own, and signals none', async () => {
    const w = await world({ 40: { exitsAtMs: 30 }, 41: { exitsAtMs: 110 } });
    expect(w.terminated).toEqual([]);
    expect(w.endedAtMs).toBeGreaterThanOrEqual(110);
    expect(w.endedAtMs).toBeLessThan(200);
    expect(w.lines).toEqual([
      'info waiting for 2 orphaned processes (40, 41) to exit before the container ends',
    ]);
  });

  it('sends SIGTERM to the ones still running after the wait, then waits for them', async () => {
    const w = await world({ 40: { exitsAtMs: 10 }, 41: { termExitMs: 50 } });
    expect(w.terminated).toEqual([41]);
    expect(w.endedAtMs).toBeGreaterThanOrEqual(ORPHAN_EXIT_WAIT_MS + 50);
    expect(w.lines).toEqual([
      'info waiting for 2 orphaned processes (40, 41) to exit before the container ends',
      'warn sending SIGTERM to 1 orphaned process (41)',
    ]);
  });

  it('leaves what ignores SIGTERM to the kernel, within a bounded time, and says so', async () => {
    const w = await world({ 41: {} });
    expect(w.endedAtMs).toBeLessThanOrEqual(ORPHAN_EXIT_WAIT_MS + ORPHAN_TERM_WAIT_MS + 20);
    expect(w.lines.at(-1)).toBe(
      'warn leaving 1 orphaned process (41) to be killed with the container',
    );
  });
});
