import { describe, expect, it } from 'vitest';

import { ORPHAN_EXIT_WAIT_MS, ORPHAN_TERM_WAIT_MS, settleOrphans } from './orphan-settling.js';

/** Orphans that exit at a given (fake) time, or on SIGTERM after a delay, or never. */
const world = (orphans: Record<number, { exitsAtMs?: number; termExitMs?: number }>) => {
  let nowMs = 0;
  const exitAt = new Map(
    Object.entries(orphans).map(([pid, o]) => [Number(pid), o.exitsAtMs ?? Infinity]),
  );
  const lines: string[] = [];
  const terminated: number[] = [];
  const run = settleOrphans({
    liveOrphans: () => [...exitAt].filter(([, at]) => at > nowMs).map(([pid]) => pid),
    terminate: (pid) => {
      terminated.push(pid);
      const after = orphans[pid]?.termExitMs;
      if (after !== undefined) {
        exitAt.set(pid, Math.min(exitAt.get(pid) ?? Infinity, nowMs + after));
      }
    },
    sleep: (ms) => {
      nowMs += ms;
      return Promise.resolve();
    },
    monotonicMs: () => nowMs,
    log: (level, message) => lines.push(`${level} ${message}`),
  });
  return { run, lines, terminated, now: () => nowMs };
};

describe('settling orphans before PID 1 exits', () => {
  it('does nothing without orphans', async () => {
    const w = world({});
    await w.run;
    expect([w.lines, w.terminated, w.now()]).toEqual([[], [], 0]);
  });

  it('waits for orphans that exit on their own, and signals none', async () => {
    const w = world({ 40: { exitsAtMs: 30 }, 41: { exitsAtMs: 110 } });
    await w.run;
    expect(w.terminated).toEqual([]);
    expect(w.now()).toBeGreaterThanOrEqual(110);
    expect(w.now()).toBeLessThan(200);
    expect(w.lines).toEqual([
      'info waiting for 2 orphaned processes (40, 41) to exit before the container ends',
    ]);
  });

  it('sends SIGTERM to the ones still running after the wait, then waits for them', async () => {
    const w = world({ 40: { exitsAtMs: 10 }, 41: { termExitMs: 50 } });
    await w.run;
    expect(w.terminated).toEqual([41]);
    expect(w.now()).toBeGreaterThanOrEqual(ORPHAN_EXIT_WAIT_MS + 50);
    expect(w.lines).toEqual([
      'info waiting for 2 orphaned processes (40, 41) to exit before the container ends',
      'warn sending SIGTERM to 1 orphaned process (41)',
    ]);
  });

  it('leaves what ignores SIGTERM to the kernel, within a bounded time, and says so', async () => {
    const w = world({ 41: {} });
    await w.run;
    expect(w.now()).toBeLessThanOrEqual(ORPHAN_EXIT_WAIT_MS + ORPHAN_TERM_WAIT_MS + 20);
    expect(w.lines.at(-1)).toBe(
      'warn leaving 1 orphaned process (41) to be killed with the container',
    );
  });
});
