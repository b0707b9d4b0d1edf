import { describe, expect, it } from 'vitest';

import { processFacts } from '../../test/fakes/process-facts.js';
import {
  cappedInt,
  describeProcess,
  encodeProcessInfo,
  formatStopTime,
  formatUptime,
  readProcessInfo,
} from './process-info.js';

const info = processFacts;

describe('formatUptime (Python timedelta text)', () => {
  it.each([
    [0, '0:00:00'],
    [62, '0:01:02'],
    [3600 * 13 + 5, '13:00:05'],
    [86_400 + 2 * 3600 + 3 * 60 + 4, '1 day, 2:03:04'],
    [3 * 86_400 + 1, '3 days, 0:00:01'],
    [-5, '0:00:00'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatUptime(seconds)).toBe(text);
  });
});

describe('formatStopTime (%b %d %I:%M %p, local time)', () => {
  it.each([
    [new Date(2024, 10, 21, 0, 38), 'Nov 21 12:38 AM'],
    [new Date(2024, 0, 5, 12, 0), 'Jan 05 12:00 PM'],
    [new Date(2024, 6, 9, 23, 59), 'Jul 09 11:59 PM'],
    [new Date(2024, 2, 1, 9, 7), 'Mar 01 09:07 AM'],
  ])('%s → %s', (at, text) => {
    expect(formatStopTime(Math.floor(at.getTime() / 1000))).toBe(text);
  });
});

describe('describeProcess', () => {
  it('RUNNING: pid and uptime', () => {
    expect(describeProcess(info({ state: 'RUNNING', pid: 42, startedAtSec: 1000 }), 1062)).toBe(
      'pid 42, uptime 0:01:02',
    );
  });

  it('BACKOFF/FATAL: the spawn error, or a hint naming the process', () => {
    expect(describeProcess(info({ state: 'FATAL', spawnErr: 'boom' }), 0)).toBe('boom');
    expect(describeProcess(info({ state: 'BACKOFF', name: 'w1', group: 'g' }), 0)).toBe(
      'unknown error (try "tail w1")',
    );
  });

  it('STOPPED/EXITED: Not started, else the stop time', () => {
    expect(describeProcess(info({ state: 'STOPPED' }), 0)).toBe('Not started');
    const stop = Math.floor(new Date(2024, 10, 21, 0, 38).getTime() / 1000);
    expect(
      describeProcess(info({ state: 'EXITED', startedAtSec: stop - 5, stoppedAtSec: stop }), 0),
    ).toBe('Nov 21 12:38 AM');
  });

  it.each(['STARTING', 'STOPPING', 'UNKNOWN'] as const)('%s: empty', (state) => {
    expect(describeProcess(info({ state, pid: 3, startedAtSec: 1 }), 9)).toBe('');
  });
  it('ours: the reason readiness, liveness, depends_on or pacing gives, when there is one', () => {
    expect(describeProcess(info({ state: 'STARTING', reason: 'waiting for db' }), 0)).toBe(
      'waiting for db',
    );
    expect(
      describeProcess(
        info({ state: 'BACKOFF', spawnErr: 'Bad exit code 1', reason: 'restarting in 8 s' }),
        0,
      ),
    ).toBe('restarting in 8 s');
    expect(
      describeProcess(
        info({
          state: 'RUNNING',
          pid: 42,
          startedAtSec: 1000,
          reason: 'liveness failing: HTTP 503 (1/3)',
        }),
        1062,
      ),
    ).toBe('pid 42, uptime 0:01:02; liveness failing: HTTP 503 (1/3)');
  });
});

describe('encodeProcessInfo', () => {
  it('has supervisord keys, empty strings for missing logs, codes for states', () => {
    const struct = encodeProcessInfo(
      info({ state: 'EXITED', startedAtSec: 10, stoppedAtSec: 20, exitStatus: -1 }),
      30,
    );
    expect(Object.keys(struct)).toEqual([
      'name',
      'group',
      'start',
      'stop',
      'now',
      'state',
      'statename',
      'spawnerr',
      'exitstatus',
      'logfile',
      'stdout_logfile',
      'stderr_logfile',
      'pid',
      'description',
    ]);
    expect(struct).toMatchObject({
      state: 100,
      statename: 'EXITED',
      spawnerr: '',
      exitstatus: -1,
      logfile: '',
      stderr_logfile: '',
    });
  });

  it('saturates timestamps at 32 bits', () => {
    expect(cappedInt(2 ** 31 + 5)).toBe(2 ** 31 - 1);
    expect(cappedInt(-(2 ** 31) - 5)).toBe(-(2 ** 31));
  });
});

describe('readProcessInfo', () => {
  it('fills what another server leaves out as supervisord would for a process never run', () => {
    expect(
      readProcessInfo('getProcessInfo', { name: 'a', group: 'g', state: 0, statename: 'STOPPED' }),
    ).toEqual({
      name: 'a',
      group: 'g',
      start: 0,
      stop: 0,
      now: 0,
      state: 0,
      statename: 'STOPPED',
      spawnerr: '',
      exitstatus: 0,
      logfile: '',
      stdout_logfile: '',
      stderr_logfile: '',
      pid: 0,
      description: '',
    });
  });

  it('names the field that is missing or mistyped', () => {
    expect(() => readProcessInfo('getProcessInfo', { name: 'a', group: 'g', state: '0' })).toThrow(
      'unexpected answer to getProcessInfo: field state is not an int',
    );
  });
});
