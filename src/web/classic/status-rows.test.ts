import { describe, expect, it } from 'vitest';

import type { ProcessStateName } from '../../model/process-state.js';
import { readProcessInfo } from '../../protocol/process-info.js';
import { processInfo } from '../../../test/fakes/supervisor-answers.js';
import { stateClass, statusRows } from './status-rows.js';

const info = (name: string, state: ProcessStateName, group = name) =>
  readProcessInfo('test', processInfo(name, state, { group }));

describe('statusRows', () => {
  it('sorts by group, then process, and names processes by namespec', () => {
    const rows = statusRows([
      info('b', 'RUNNING', 'web'),
      info('z', 'STOPPED'),
      info('a', 'RUNNING', 'web'),
      info('cron', 'EXITED'),
    ]);
    expect(rows.map((r) => r.namespec)).toEqual(['cron', 'web:a', 'web:b', 'z']);
  });

  it.each<[ProcessStateName, (string | null)[]]>([
    ['RUNNING', ['Restart', 'Stop']],
    ['STOPPED', ['Start', null]],
    ['EXITED', ['Start', null]],
    ['FATAL', ['Start', null]],
    ['STARTING', [null, null]],
    ['BACKOFF', [null, null]],
    ['STOPPING', [null, null]],
    ['UNKNOWN', [null, null]],
  ])('%s offers %j, then clear log and the tails', (state, first) => {
    const [row] = statusRows([info('web', state)]);
    expect(row?.actions.map((a) => a?.label ?? null)).toEqual([
      ...first,
      'Clear Log',
      'Tail -f Stdout',
      'Tail -f Stderr',
    ]);
  });

  it('links the actions as supervisord does, names quoted', () => {
    const [row] = statusRows([info('a b', 'RUNNING', 'g<1>')]);
    expect(row?.actions).toEqual([
      {
        label: 'Restart',
        href: 'index.html?processname=g%3C1%3E%3Aa%20b&action=restart',
        newWindow: false,
      },
      {
        label: 'Stop',
        href: 'index.html?processname=g%3C1%3E%3Aa%20b&action=stop',
        newWindow: false,
      },
      {
        label: 'Clear Log',
        href: 'index.html?processname=g%3C1%3E%3Aa%20b&action=clearlog',
        newWindow: false,
      },
      { label: 'Tail -f Stdout', href: 'logtail/g%3C1%3E%3Aa%20b', newWindow: true },
      { label: 'Tail -f Stderr', href: 'logtail/g%3C1%3E%3Aa%20b/stderr', newWindow: true },
    ]);
    expect(row?.stateName).toBe('running');
  });

  it.each([
    ['RUNNING', 'statusrunning'],
    ['FATAL', 'statuserror'],
    ['BACKOFF', 'statuserror'],
    ['STOPPED', 'statusnominal'],
    ['STARTING', 'statusnominal'],
    ['EXITED', 'statusnominal'],
  ])('%s is shown as %s', (state, css) => {
    expect(stateClass(state)).toBe(css);
  });
});
