import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { parseLedger } from './child-ledger.js';
import { LEDGER_WRITE_GAP_MS, LedgerFile, readStat } from './child-ledger-file.js';
import { ChildRegistry } from './child-registry.js';

describe('LedgerFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tss-ledger-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const names = (path: string): string[] =>
    parseLedger(readFileSync(path, 'utf8')).map((e) => e.name);

  it('follows the registry with each child’s /proc start time', () => {
    const path = join(dir, 'follows.children');
    const registry = new ChildRegistry();
    const messages: string[] = [];
    const ledger = new LedgerFile(path, registry, (_, m) => messages.push(m));
    expect(parseLedger(readFileSync(path, 'utf8'))).toEqual([]);

    // Real pids, so their start times can be read: this test process and its parent.
    registry.add(process.pid, 'self');
    registry.add(process.ppid, 'group:parent');
    registry.add(999_999_999, 'never existed');
    expect(names(path)).toEqual([]);
    vi.advanceTimersByTime(LEDGER_WRITE_GAP_MS);
    expect(parseLedger(readFileSync(path, 'utf8'))).toEqual([
      { pgid: process.pid, startTicks: readStat(process.pid)?.startTicks, name: 'self' },
      { pgid: process.ppid, startTicks: readStat(process.ppid)?.startTicks, name: 'group:parent' },
    ]);

    registry.remove(process.ppid);
    vi.advanceTimersByTime(LEDGER_WRITE_GAP_MS);
    expect(names(path)).toEqual(['self']);

    ledger.remove();
    expect(() => readFileSync(path)).toThrow();
    registry.add(process.ppid, 'after the end');
    vi.advanceTimersByTime(LEDGER_WRITE_GAP_MS);
    expect(() => readFileSync(path)).toThrow();
    expect(messages).toEqual([]);
  });

  it('writes on the next turn after a quiet spell, then at most every LEDGER_WRITE_GAP_MS', () => {
    const path = join(dir, 'paced.children');
    const registry = new ChildRegistry();
    new LedgerFile(path, registry, () => undefined);
    vi.advanceTimersByTime(1000);

    registry.add(process.pid, 'first');
    vi.advanceTimersByTime(0); // the next turn (setImmediate)
    expect(names(path)).toEqual(['first']);

    // A storm: changes within the gap are written together, once the gap is over.
    registry.add(process.ppid, 'second');
    registry.remove(process.pid);
    vi.advanceTimersByTime(LEDGER_WRITE_GAP_MS - 1);
    expect(names(path)).toEqual(['first']);
    vi.advanceTimersByTime(1);
    expect(names(path)).toEqual(['second']);
  });

  it('says once that it cannot write, and carries on', () => {
    const registry = new ChildRegistry();
    const messages: string[] = [];
    new LedgerFile(join(dir, 'missing', 'x.children'), registry, (level, m) =>
      messages.push(`${level} ${m}`),
    );
    registry.add(process.pid, 'a');
    vi.advanceTimersByTime(LEDGER_WRITE_GAP_MS);
    registry.add(process.ppid, 'b');
    vi.advanceTimersByTime(LEDGER_WRITE_GAP_MS);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^warn could not write the children ledger .*missing\/x\.children/);
  });
});
