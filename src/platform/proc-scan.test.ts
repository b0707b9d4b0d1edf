import { describe, expect, it } from 'vitest';

import { childrenIndex, parseProcStat, scanProc, treeOf, type ProcEntry } from './proc-scan.js';

const stat = (pid: number, comm: string, ppid: number, start: number): string =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 100 0 0 0 5 3 2 1 20 0 1 0 ${start} 1000 200 18446744073709551615\n`;

describe('parseProcStat', () => {
  it.each([
    ['plain name', 'sleep'],
    ['spaces and parentheses in the name', 'my (odd) name'],
    ['a closing parenthesis and digits', 'x) 1 2 3'],
  ])('reads pid, parent, start, CPU time and RSS with %s', (_, comm) => {
    expect(parseProcStat(stat(42, comm, 7, 12345))).toEqual({
      pid: 42,
      ppid: 7,
      startTicks: 12345,
      cpuTicks: 8,
      reapedChildTicks: 3,
      rssPages: 200,
    });
  });

  it('refuses what is not a stat line', () => {
    expect(parseProcStat('')).toBeNull();
    expect(parseProcStat('42 sleep S 7')).toBeNull();
  });
});

describe('process trees', () => {
  const table = new Map<number, ProcEntry>(
    [
      [1, 0],
      [10, 1],
      [11, 10],
      [12, 10],
      [13, 12],
      [20, 1],
    ].map(([pid, ppid]) => [
      pid!,
      { pid: pid!, ppid: ppid!, startTicks: 0, cpuTicks: 0, reapedChildTicks: 0, rssPages: 1 },
    ]),
  );

  it('finds a pid and all its descendants, and nothing else', () => {
    const children = childrenIndex(table);
    expect([...treeOf(10, children)].sort()).toEqual([10, 11, 12, 13]);
    expect(treeOf(20, children)).toEqual([20]);
    expect(treeOf(99, children)).toEqual([99]);
  });

  it('scans the real /proc: this process is there with its parent', async () => {
    const scanned = await scanProc();
    expect(scanned.get(process.pid)?.ppid).toBe(process.ppid);
  });

  it('is empty where there is no /proc', async () => {
    expect((await scanProc('/nonexistent-proc')).size).toBe(0);
  });
});
