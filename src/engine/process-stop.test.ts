import { describe, expect, it } from 'vitest';

import { engineWorld } from '../../test/fakes/engine-world.js';
import { programGroup } from '../../test/fakes/program-config.js';
import type { ProcessConfig } from '../config/types.js';

const running = (overrides: Partial<ProcessConfig> = {}) => {
  const w = engineWorld({ groups: [programGroup('web', overrides)] });
  w.supervisor.autostart();
  w.clock.advance(1001);
  w.logger.clear();
  return { ...w, web: w.proc('web'), child: w.spawner.last };
};

describe('stop', () => {
  it('sends stopsignal to the pid and is STOPPED when the child exits', () => {
    const w = running();
    expect(w.web.stop()).toBeUndefined();
    expect(w.web.state).toBe('STOPPING');
    expect(w.child.signals).toEqual([{ signal: 'TERM', group: false }]);
    w.child.exit('TERM');
    expect(w.web.info()).toMatchObject({ state: 'STOPPED', pid: 0, exitStatus: -1 });
    expect(w.logger.texts).toEqual([
      'DEBUG killing web (pid 1000) with signal SIGTERM',
      'WARN stopped: web (terminated by SIGTERM)',
      'DEBUG received SIGCHLD indicating a child quit',
    ]);
    expect(w.stateEvents().slice(-2)).toMatchObject([
      { from: 'RUNNING', to: 'STOPPING', pid: 1000 },
      { from: 'STOPPING', to: 'STOPPED', pid: 1000 },
    ]);
    w.clock.advance(60_000);
    expect(w.spawner.children).toHaveLength(1);
  });

  it('logs a stop that ends with an expected code at INFO', () => {
    const w = running();
    w.web.stop();
    w.child.exit(0);
    expect(w.logger.notable).toEqual(['INFO stopped: web (exit status 0)']);
  });

  it('escalates to SIGKILL after stopwaitsecs, and again every stopwaitsecs', () => {
    const w = running({ stopWaitMs: 3000 });
    w.web.stop();
    w.clock.advance(2999);
    expect(w.child.signals).toHaveLength(1);
    w.clock.advance(1);
    w.clock.advance(3000);
    expect(w.child.signals).toEqual([
      { signal: 'TERM', group: false },
      { signal: 'KILL', group: false },
      { signal: 'KILL', group: false },
    ]);
    expect(w.logger.notable).toEqual([
      "WARN killing 'web' (1000) with SIGKILL",
      "WARN killing 'web' (1000) with SIGKILL",
    ]);
    w.child.exit('KILL');
    expect(w.web.state).toBe('STOPPED');
    w.clock.advance(60_000);
    expect(w.child.signals).toHaveLength(3);
  });

  it('signals the process group with stopasgroup/killasgroup', () => {
    const w = running({ stopAsGroup: true, killAsGroup: true, stopSignal: 'QUIT' });
    w.web.stop();
    w.clock.advance(10_000);
    expect(w.child.signals).toEqual([
      { signal: 'QUIT', group: true },
      { signal: 'KILL', group: true },
    ]);
  });

  it('stops a STARTING process too', () => {
    const w = engineWorld({ groups: [programGroup('web')] });
    w.supervisor.autostart();
    w.proc('web').stop();
    w.clock.advance(5000);
    expect(w.proc('web').state).toBe('STOPPING');
    w.spawner.last.exit(0);
    expect(w.transitions()).toEqual([
      'web STOPPED→STARTING',
      'web STARTING→STOPPING',
      'web STOPPING→STOPPED',
    ]);
  });

  it('stops a BACKOFF process without a signal and cancels its retry', () => {
    const w = engineWorld({ groups: [programGroup('web')] });
    w.supervisor.autostart();
    w.spawner.last.exit(1);
    expect(w.proc('web').stop()).toBeUndefined();
    expect(w.stateEvents().at(-1)).toMatchObject({ from: 'BACKOFF', to: 'STOPPED', pid: 0 });
    w.clock.advance(60_000);
    expect(w.spawner.children).toHaveLength(1);
    expect(w.spawner.last.signals).toEqual([]);
  });

  it('refuses what is not running', () => {
    const w = running();
    w.web.stop();
    expect(w.web.stop()).toEqual({ fault: 'NOT_RUNNING', detail: 'web' });
    w.child.exit(0);
    expect(w.web.stop()).toEqual({ fault: 'NOT_RUNNING', detail: 'web' });
  });

  it('does not let the old stopwait timer touch the next child', () => {
    const w = running();
    w.web.stop();
    w.child.exit(0);
    w.web.start();
    w.clock.advance(30_000);
    expect(w.spawner.last.signals).toEqual([]);
    expect(w.clock.activeTimers).toBe(0);
  });

  it('warns and changes nothing when started while STOPPING', () => {
    const w = running();
    w.web.stop();
    expect(w.web.start()).toBeUndefined();
    expect(w.web.state).toBe('STOPPING');
    expect(w.logger.notable).toEqual(["WARN process 'web' already running"]);
  });
});

describe('signal trouble', () => {
  it('tolerates ESRCH: the exit finishes the stop', () => {
    const w = running();
    w.child.signalResult = { kind: 'gone' };
    expect(w.web.stop()).toBeUndefined();
    expect(w.web.state).toBe('STOPPING');
    expect(w.logger.texts.at(-1)).toBe(
      'DEBUG unable to signal web (pid 1000), it probably just exited on its own: [Errno 3] No such process',
    );
    w.child.exit(0);
    expect(w.web.state).toBe('STOPPED');
  });

  it('goes UNKNOWN when the OS refuses a stop, and answers FAILED', () => {
    const w = running();
    w.child.signalResult = { kind: 'error', message: 'EPERM: operation not permitted' };
    expect(w.web.stop()).toEqual({
      fault: 'FAILED',
      detail: 'unknown problem killing web (1000):EPERM: operation not permitted',
    });
    expect(w.transitions().slice(-2)).toEqual(['web RUNNING→STOPPING', 'web STOPPING→UNKNOWN']);
    expect(w.logger.notable).toEqual([
      'CRITICAL unknown problem killing web (1000):EPERM: operation not permitted',
    ]);
    expect(w.web.start()).toEqual({
      fault: 'FAILED',
      detail: 'web is in an unknown process state',
    });
    w.clock.advance(60_000);
    expect(w.child.signals).toHaveLength(1);
    w.child.exit(0);
    expect(w.web.info()).toMatchObject({ state: 'STOPPED', pid: 0 });
  });
});

describe('signalProcess', () => {
  it('signals the pid only, even with stopasgroup, and is no stop', () => {
    const w = running({ stopAsGroup: true, killAsGroup: true });
    expect(w.web.signal('HUP')).toBeUndefined();
    expect(w.child.signals).toEqual([{ signal: 'HUP', group: false }]);
    expect(w.web.state).toBe('RUNNING');
    w.web.signal('TERM');
    w.child.exit('TERM');
    expect(w.web.state).toBe('STARTING');
    expect(w.transitions().slice(-2)).toEqual(['web RUNNING→EXITED', 'web EXITED→STARTING']);
  });

  it('refuses a process without a pid', () => {
    const w = engineWorld({ groups: [programGroup('web', { autostart: false })] });
    expect(w.proc('web').signal('HUP')).toEqual({ fault: 'NOT_RUNNING', detail: 'web' });
  });

  it('answers FAILED and goes UNKNOWN when the OS refuses the signal', () => {
    const w = running();
    w.child.signalResult = { kind: 'error', message: 'EPERM' };
    expect(w.web.signal('USR1')).toEqual({
      fault: 'FAILED',
      detail: 'unknown problem sending sig web (1000):EPERM',
    });
    expect(w.web.state).toBe('UNKNOWN');
  });
});
