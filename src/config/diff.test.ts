import { describe, expect, it } from 'vitest';

import { memoryConfigHost } from '../../test/fakes/memory-config-host.js';
import { diffConfigs } from './diff.js';
import { loadConfig } from './load.js';
import type { Config } from './types.js';

const load = (text: string): Config => {
  const result = loadConfig(
    '/etc/s.conf',
    memoryConfigHost({ files: { '/etc/s.conf': `[supervisord]\n${text}` } }),
  );
  if (!result.ok) {
    throw new Error(result.errors.map((e) => e.message).join('\n'));
  }
  return result.config;
};

const diff = (before: string, after: string): ReturnType<typeof diffConfigs> =>
  diffConfigs(load(before).groups, load(after).groups);

describe('diffConfigs', () => {
  it('finds added, changed and removed groups in config order', () => {
    const before = '[program:a]\ncommand=a\n[program:b]\ncommand=b\n[program:gone]\ncommand=x\n';
    const after = '[program:b]\ncommand=b2\n[program:a]\ncommand=a\n[program:new]\ncommand=n\n';
    expect(diff(before, after)).toEqual({ added: ['new'], changed: ['b'], removed: ['gone'] });
  });

  it('sees no change when only comments, order or position differ', () => {
    const before = '[program:a]\ncommand=a\nstdout_logfile=AUTO\n[program:b]\ncommand=b\n';
    const after =
      '; moved around\n[program:b]\ncommand=b\n\n\n[program:a]\nstdout_logfile=auto\ncommand=a\n';
    expect(diff(before, after)).toEqual({ added: [], changed: [], removed: [] });
  });

  it.each([
    ['startsecs=5'],
    ['numprocs=2\nprocess_name=%(process_num)s'],
    ['environment=A=1'],
    ['stdout_logfile=/tmp/a.log'],
    ['priority=1'],
    ['restart_on_memory=512MB'],
    ['restart_on_cron=0 4 * * *'],
    ['watch=/srv/app'],
  ])('counts %j as a change', (line) => {
    expect(diff('[program:a]\ncommand=a\n', `[program:a]\ncommand=a\n${line}\n`).changed).toEqual([
      'a',
    ]);
  });

  it('sees a changed cron schedule, watch_ignore or debounce as a change, not an equal one', () => {
    const base = '[program:a]\ncommand=a\nwatch=/srv\nrestart_on_cron=0 4 * * *\n';
    expect(diff(base, base.replace('0 4', '0 5')).changed).toEqual(['a']);
    expect(diff(base, `${base}watch_ignore=*.pyc\n`).changed).toEqual(['a']);
    expect(diff(base, `${base}watch_debounce=2\n`).changed).toEqual(['a']);
    expect(diff(base, base.replace('0 4 * * *', '0 4 * * *  ')).changed).toEqual([]);
  });

  it('compares a group by kind, priority and listener settings', () => {
    expect(
      diff(
        '[program:a]\ncommand=a\n',
        '[eventlistener:a]\ncommand=a\nevents=TICK_5\npriority=999\n',
      ).changed,
    ).toEqual(['a']);
    expect(diff('[group:g]\npriority=1\n', '[group:g]\npriority=2\n').changed).toEqual(['g']);
    const listener = '[eventlistener:l]\ncommand=a\nevents=TICK_5,TICK_60\n';
    expect(diff(listener, '[eventlistener:l]\ncommand=a\nevents=tick_60,TICK_5\n').changed).toEqual(
      [],
    );
    expect(diff(listener, `${listener}buffer_size=3\n`).changed).toEqual(['l']);
  });

  it('counts a change of [supervisord] environment= when told about it', () => {
    const groups = load('[program:a]\ncommand=a\nenvironment=OWN=1\n').groups;
    expect(diffConfigs(groups, groups, { old: { A: '1' }, new: { A: '2' } }).changed).toEqual([
      'a',
    ]);
    expect(diffConfigs(groups, groups, { old: { OWN: '0' }, new: { OWN: '9' } }).changed).toEqual(
      [],
    );
  });
});
