import { describe, expect, it } from 'vitest';

import { readinessText, readinessVerdict, type ReadinessFacts } from './readiness-verdict.js';

const proc = (namespec: string, over: Partial<ReadinessFacts> = {}): ReadinessFacts => ({
  namespec,
  state: 'RUNNING',
  autostart: true,
  done: false,
  reason: null,
  ...over,
});

describe('readiness', () => {
  it('is ready when every autostart process is RUNNING', () => {
    const verdict = readinessVerdict('RUNNING', [proc('db'), proc('web:web_0')]);
    expect(verdict).toEqual({ ready: true, counted: 2 });
    expect(readinessText(verdict, true)).toBe('ready: 2 autostart processes up\n');
  });

  it('leaves out programs without autostart, whatever their state', () => {
    expect(
      readinessVerdict('RUNNING', [proc('db'), proc('tool', { autostart: false, state: 'FATAL' })]),
    ).toEqual({ ready: true, counted: 1 });
  });

  it('counts a one-shot job that is done as ready, not one that failed or will restart', () => {
    const verdict = readinessVerdict('RUNNING', [
      proc('migrate', { state: 'EXITED', done: true }),
      proc('cron', { state: 'EXITED', done: false }),
    ]);
    expect(verdict).toMatchObject({ ready: false, notReady: [{ namespec: 'cron' }] });
  });

  it.each<ReadinessFacts['state']>([
    'STOPPED',
    'STARTING',
    'BACKOFF',
    'STOPPING',
    'EXITED',
    'FATAL',
    'UNKNOWN',
  ])('is not ready while an autostart process is %s', (state) => {
    expect(readinessVerdict('RUNNING', [proc('db'), proc('web', { state })])).toMatchObject({
      ready: false,
      kind: 'processes',
    });
  });

  it('names what is not ready, with its reason, only when asked for details', () => {
    const verdict = readinessVerdict('RUNNING', [
      proc('db'),
      proc('web:web_0', { state: 'STARTING', reason: 'not ready: connection refused (3)' }),
      proc('worker', { state: 'FATAL' }),
    ]);
    expect(readinessText(verdict, true)).toBe(
      'not ready: 2 of 3 autostart processes not RUNNING\n' +
        'web:web_0 STARTING (not ready: connection refused (3))\n' +
        'worker FATAL\n',
    );
    expect(readinessText(verdict, false)).toBe(
      'not ready: 2 of 3 autostart processes not RUNNING\n',
    );
  });

  it('is not ready while the daemon shuts down or restarts', () => {
    const verdict = readinessVerdict('SHUTDOWN', [proc('db')]);
    expect(verdict).toEqual({ ready: false, kind: 'daemon', mood: 'SHUTDOWN' });
    expect(readinessText(verdict, false)).toBe('not ready: supervisord is SHUTDOWN\n');
  });

  it('is ready with no autostart process at all', () => {
    expect(readinessText(readinessVerdict('RUNNING', []), false)).toBe(
      'ready: 0 autostart processes up\n',
    );
  });
});
