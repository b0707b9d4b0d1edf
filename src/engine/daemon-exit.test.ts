import { describe, expect, it } from 'vitest';

import { engineWorld } from '../../test/fakes/engine-world.js';
import { programGroup } from '../../test/fakes/program-config.js';
import type { ShutdownOn } from '../config/types.js';
import type { ProcessStateEvent } from '../model/events.js';
import { daemonExitFor } from './daemon-exit.js';

const event = (from: string, to: string, expected = false): ProcessStateEvent => ({
  type: 'PROCESS_STATE',
  processName: 'web',
  groupName: 'web',
  from: from as ProcessStateEvent['from'],
  to: to as ProcessStateEvent['to'],
  pid: 42,
  tries: 0,
  expected,
});

const code = (status: number) => ({ kind: 'exited', code: status }) as const;

describe('which changes end the daemon', () => {
  const cases: [string, ProcessStateEvent, Record<ShutdownOn, boolean>][] = [
    [
      'FATAL',
      event('BACKOFF', 'FATAL'),
      { never: false, fatal: true, unexpected: true, exit: true },
    ],
    [
      'a failed start',
      event('STARTING', 'BACKOFF'),
      { never: false, fatal: false, unexpected: true, exit: true },
    ],
    [
      'an unexpected exit',
      event('RUNNING', 'EXITED', false),
      { never: false, fatal: false, unexpected: true, exit: true },
    ],
    [
      'an expected exit',
      event('RUNNING', 'EXITED', true),
      { never: false, fatal: false, unexpected: false, exit: true },
    ],
    [
      'a requested stop',
      event('STOPPING', 'STOPPED'),
      { never: false, fatal: false, unexpected: false, exit: false },
    ],
    [
      'a paced restart wait (BACKOFF after RUNNING)',
      event('EXITED', 'BACKOFF'),
      { never: false, fatal: false, unexpected: false, exit: false },
    ],
    [
      'a start',
      event('STOPPED', 'STARTING'),
      { never: false, fatal: false, unexpected: false, exit: false },
    ],
  ];
  for (const [what, e, table] of cases) {
    it(what, () => {
      for (const mode of ['never', 'fatal', 'unexpected', 'exit'] as const) {
        expect(daemonExitFor(e, mode, code(3)) !== null, mode).toBe(table[mode]);
      }
    });
  }
});

describe('the exit status', () => {
  it("is the program's own, 128 + N for a signal, 1 when it never ran", () => {
    expect(daemonExitFor(event('RUNNING', 'EXITED', true), 'exit', code(0))).toEqual({
      status: 0,
      what: 'exited (exit status 0)',
    });
    expect(
      daemonExitFor(event('RUNNING', 'EXITED'), 'exit', {
        kind: 'signalled',
        signal: 'KILL',
        coreDumped: false,
      }),
    ).toEqual({ status: 137, what: 'exited (terminated by SIGKILL)' });
    expect(daemonExitFor(event('BACKOFF', 'FATAL'), 'fatal', code(7))).toEqual({
      status: 7,
      what: 'entered FATAL',
    });
    expect(daemonExitFor(event('BACKOFF', 'FATAL'), 'fatal', null)).toEqual({
      status: 1,
      what: 'entered FATAL',
    });
  });
});

describe('an exit that ends the daemon is not restarted first', () => {
  const exitOnce = (
    shutdownOn: ShutdownOn,
    autorestart: 'always' | 'unexpected',
    status: number,
  ) => {
    const w = engineWorld({
      groups: [programGroup('web', { shutdownOn, autorestart, startMs: 0 })],
    });
    w.supervisor.autostart();
    w.spawner.last.exit(status);
    return w.proc('web').state;
  };

  it('exit: autorestart is off; unexpected: only an expected exit is restarted (startsecs=0: RUNNING again at once)', () => {
    expect(exitOnce('never', 'always', 1)).toBe('RUNNING');
    expect(exitOnce('fatal', 'always', 1)).toBe('RUNNING');
    expect(exitOnce('exit', 'always', 0)).toBe('EXITED');
    expect(exitOnce('unexpected', 'unexpected', 1)).toBe('EXITED');
    expect(exitOnce('unexpected', 'always', 0)).toBe('RUNNING');
  });
});
