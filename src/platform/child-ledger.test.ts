import { describe, expect, it } from 'vitest';

import {
  encodeLedger,
  leftoversOf,
  ledgerPathFor,
  parseLedger,
  type LedgerEntry,
} from './child-ledger.js';
import type { StatFields } from './proc-stat-fields.js';

describe('ledgerPathFor', () => {
  it.each([
    ['/tmp/supervisord.pid', '/tmp/supervisord.children'],
    ['/run/sv/daemon.pid.d', '/run/sv/daemon.pid.children'],
    ['/run/supervisord', '/run/supervisord.children'],
    ['/run/.pid', '/run/.pid.children'],
    ['/run.d/pidfile', '/run.d/pidfile.children'],
  ])('%s → %s', (pidfile, ledger) => {
    expect(ledgerPathFor(pidfile)).toBe(ledger);
  });
});

describe('ledger text', () => {
  const entries: LedgerEntry[] = [
    { pgid: 1234, startTicks: 987654, name: 'web' },
    { pgid: 1240, startTicks: 987700, name: 'workers:worker_01' },
    { pgid: 1300, startTicks: 1, name: 'name with spaces' },
  ];

  it('round-trips', () => {
    expect(parseLedger(encodeLedger(entries))).toEqual(entries);
  });

  it('is one header and one line per child', () => {
    expect(encodeLedger(entries.slice(0, 2))).toBe(
      '# tssupervisord children: pgid starttime name\n1234 987654 web\n1240 987700 workers:worker_01\n# end\n',
    );
    expect(parseLedger(encodeLedger([]))).toEqual([]);
  });

  it('ignores what follows the end line: the tail of an older, longer text', () => {
    const older = encodeLedger(entries);
    const newer = encodeLedger(entries.slice(2));
    const torn = newer + older.slice(newer.length);
    expect(parseLedger(torn)).toEqual(entries.slice(2));
  });

  it('keeps a name on its line', () => {
    const text = encodeLedger([{ pgid: 5, startTicks: 6, name: 'evil\n7 8 injected' }]);
    expect(parseLedger(text)).toEqual([{ pgid: 5, startTicks: 6, name: 'evil?7 8 injected' }]);
  });

  it('skips what is not an entry (a torn or foreign file), and never pgid 0 or 1', () => {
    expect(
      parseLedger('garbage\n12 34\n-5 6 x\n0 5 zero\n1 5 init\n 7 8 lead\n9 10 ok\n11 12'),
    ).toEqual([{ pgid: 9, startTicks: 10, name: 'ok' }]);
  });
});

describe('leftoversOf (a dead daemon’s ledger at startup)', () => {
  const ledger: LedgerEntry[] = [
    { pgid: 100, startTicks: 5000, name: 'alive' },
    { pgid: 200, startTicks: 5000, name: 'gone' },
    { pgid: 300, startTicks: 5000, name: 'reused' },
    { pgid: 400, startTicks: 5000, name: 'left its group' },
    { pgid: 500, startTicks: 5000, name: 'zombie leader' },
    { pgid: 600, startTicks: 5000, name: 'us' },
  ];
  const procs: Record<number, StatFields> = {
    100: { pid: 100, state: 'S', ppid: 1, pgrp: 100, startTicks: 5000 },
    300: { pid: 300, state: 'S', ppid: 1, pgrp: 300, startTicks: 9999 },
    400: { pid: 400, state: 'S', ppid: 1, pgrp: 77, startTicks: 5000 },
    500: { pid: 500, state: 'Z', ppid: 1, pgrp: 500, startTicks: 5000 },
    600: { pid: 600, state: 'S', ppid: 1, pgrp: 600, startTicks: 5000 },
  };

  it('stops only groups whose leader is the very process the ledger recorded', () => {
    const names = leftoversOf(ledger, (pid) => procs[pid] ?? null, 600).map((e) => e.name);
    expect(names).toEqual(['alive', 'zombie leader']);
  });

  it('finds nothing when nothing runs', () => {
    expect(leftoversOf(ledger, () => null, 1)).toEqual([]);
  });
});
