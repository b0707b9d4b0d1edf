import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createProcStats } from './proc-stats.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A /proc of our own: `uptime` and one `<pid>/stat` per process. */
const fakeProc = () => {
  const root = mkdtempSync(join(tmpdir(), 'fake-proc-'));
  dirs.push(root);
  const write = (
    pid: number,
    p: { ppid: number; start: number; cpu: number; rss: number; comm?: string; reaped?: number },
  ): void => {
    mkdirSync(join(root, String(pid)), { recursive: true });
    writeFileSync(
      join(root, String(pid), 'stat'),
      `${pid} (${p.comm ?? 'x'}) S ${p.ppid} 1 1 0 -1 0 0 0 0 0 ${p.cpu} 0 ${p.reaped ?? 0} 0 20 0 1 0 ${p.start} 0 ${p.rss} 0\n`,
    );
  };
  const gone = (pid: number) => rmSync(join(root, String(pid)), { recursive: true });
  writeFileSync(join(root, 'uptime'), '1000.00 1500.00\n');
  return { root, write, gone };
};

describe('process stats from /proc', () => {
  it('sums each root with its descendants; a first reading is the lifetime average', async () => {
    const proc = fakeProc();
    // 10 runs 11 and 12, which runs 13; 20 is someone else's. Started 500 s after boot.
    proc.write(10, { ppid: 1, start: 50_000, cpu: 5000, rss: 100 });
    proc.write(11, { ppid: 10, start: 50_000, cpu: 0, rss: 10 });
    proc.write(12, { ppid: 10, start: 50_000, cpu: 5000, rss: 10, reaped: 700 });
    proc.write(13, { ppid: 12, start: 50_000, cpu: 0, rss: 10 });
    proc.write(20, { ppid: 1, start: 50_000, cpu: 0, rss: 999 });
    const stats = createProcStats({
      root: proc.root,
      monotonicMs: () => 0,
      units: { ticksPerSecond: 100, pageBytes: 4096 },
    });
    const usage = await stats.sample([10, 99]);
    expect([...usage.keys()]).toEqual([10]);
    // (50 s + 50 s of CPU) over 500 s of life: 20% of a core; in all, with the 7 s of the
    // children 12 has waited for, 107 s.
    expect(usage.get(10)).toEqual({
      cpuPercent: 20,
      rssBytes: 130 * 4096,
      processCount: 4,
      cpuSeconds: 107,
    });
  });

  it('then the share of a core since the previous sample', async () => {
    const proc = fakeProc();
    let now = 0;
    proc.write(10, { ppid: 1, start: 50_000, cpu: 5000, rss: 100 });
    proc.write(11, { ppid: 10, start: 50_000, cpu: 0, rss: 100 });
    const stats = createProcStats({
      root: proc.root,
      monotonicMs: () => now,
      units: { ticksPerSecond: 100, pageBytes: 4096 },
    });
    await stats.sample([10]);
    now = 2000;
    // Two seconds later: 10 used 1 s of CPU, 11 used 2 s (a whole core).
    proc.write(10, { ppid: 1, start: 50_000, cpu: 5100, rss: 100 });
    proc.write(11, { ppid: 10, start: 50_000, cpu: 200, rss: 100 });
    expect((await stats.sample([10])).get(10)?.cpuPercent).toBe(150);
  });

  it('a pid reused by a new process starts over from its own lifetime', async () => {
    const proc = fakeProc();
    let now = 0;
    proc.write(10, { ppid: 1, start: 50_000, cpu: 90_000, rss: 1 });
    const stats = createProcStats({
      root: proc.root,
      monotonicMs: () => now,
      units: { ticksPerSecond: 100, pageBytes: 4096 },
    });
    await stats.sample([10]);
    now = 1000;
    proc.gone(10);
    // Same pid, started 10 s ago (990 s after boot), 1 s of CPU so far.
    proc.write(10, { ppid: 1, start: 99_000, cpu: 100, rss: 1 });
    expect((await stats.sample([10])).get(10)?.cpuPercent).toBeCloseTo(10);
  });
});
