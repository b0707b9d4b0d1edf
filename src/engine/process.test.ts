import { describe, expect, it } from 'vitest';

import { engineWorld } from '../../test/fakes/engine-world.js';
import { programGroup } from '../../test/fakes/program-config.js';
import type { ProcessConfig } from '../config/types.js';

const world = (overrides: Partial<ProcessConfig> = {}) => {
  const w = engineWorld({ groups: [programGroup('web', overrides)] });
  w.supervisor.autostart();
  return { ...w, web: w.proc('web') };
};

describe('starting up', () => {
  it('spawns, then is RUNNING once strictly more than startsecs passed', () => {
    const w = world();
    expect(w.web.state).toBe('STARTING');
    expect(w.spawner.specs).toHaveLength(1);
    w.clock.advance(1000);
    expect(w.web.state).toBe('STARTING');
    w.clock.advance(1);
    expect(w.web.state).toBe('RUNNING');
    expect(w.logger.notable).toEqual([
      "INFO spawned: 'web' with pid 1000",
      'INFO success: web entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    ]);
    expect(w.transitions()).toEqual(['web STOPPED→STARTING', 'web STARTING→RUNNING']);
  });

  it('is RUNNING right away with startsecs=0', () => {
    const w = world({ startMs: 0 });
    expect(w.web.state).toBe('RUNNING');
    expect(w.transitions()).toEqual(['web STOPPED→STARTING', 'web STARTING→RUNNING']);
  });

  it('backs off 1 s, 2 s, … after quick exits and gives up after startretries + 1 attempts', () => {
    const w = world({ startRetries: 2 });
    w.spawner.last.exit(1);
    expect(w.web.state).toBe('BACKOFF');
    expect(w.web.info().spawnErr).toBe('Exited too quickly (process log may have details)');
    w.clock.advance(999);
    expect(w.spawner.children).toHaveLength(1);
    w.clock.advance(1);
    expect(w.web.state).toBe('STARTING');
    w.spawner.last.exit(1);
    w.clock.advance(1999);
    expect(w.spawner.children).toHaveLength(2);
    w.clock.advance(1);
    w.spawner.last.exit(1);
    expect(w.web.state).toBe('FATAL');
    expect(w.spawner.children).toHaveLength(3);
    expect(w.transitions()).toEqual([
      'web STOPPED→STARTING',
      'web STARTING→BACKOFF',
      'web BACKOFF→STARTING',
      'web STARTING→BACKOFF',
      'web BACKOFF→STARTING',
      'web STARTING→BACKOFF',
      'web BACKOFF→FATAL',
    ]);
    expect(w.logger.notable).toEqual([
      "INFO spawned: 'web' with pid 1000",
      'WARN exited: web (exit status 1; not expected)',
      "INFO spawned: 'web' with pid 1001",
      'WARN exited: web (exit status 1; not expected)',
      "INFO spawned: 'web' with pid 1002",
      'WARN exited: web (exit status 1; not expected)',
      'INFO gave up: web entered FATAL state, too many start retries too quickly',
    ]);
    w.clock.advance(60_000);
    expect(w.spawner.children).toHaveLength(3);
  });

  it('counts tries in STARTING and BACKOFF events', () => {
    const w = world({ startRetries: 1 });
    w.spawner.last.exit(1);
    w.clock.advance(1000);
    w.spawner.last.exit(1);
    expect(w.stateEvents().map((e) => [e.from, e.to, e.tries])).toEqual([
      ['STOPPED', 'STARTING', 0],
      ['STARTING', 'BACKOFF', 1],
      ['BACKOFF', 'STARTING', 1],
      ['STARTING', 'BACKOFF', 2],
      ['BACKOFF', 'FATAL', 0],
    ]);
  });

  it('puts a command that cannot be found into BACKOFF with its spawnerr, then FATAL', () => {
    const w = engineWorld({ groups: [programGroup('web', { command: 'nope', startRetries: 0 })] });
    w.spawner.scriptLookup('nope', { kind: 'not-found', file: 'nope' });
    w.supervisor.autostart();
    const web = w.proc('web');
    expect(web.state).toBe('FATAL');
    expect(web.info().spawnErr).toBe("can't find command 'nope'");
    expect(w.spawner.specs).toEqual([]);
    expect(w.logger.notable).toEqual([
      "INFO spawnerr: can't find command 'nope'",
      'INFO gave up: web entered FATAL state, too many start retries too quickly',
    ]);
  });

  it("words the spawner's refusal as supervisord does", () => {
    const w = engineWorld({ groups: [programGroup('web')] });
    w.spawner.failNextSpawn('EMFILE');
    w.supervisor.autostart();
    expect(w.proc('web').info()).toMatchObject({
      state: 'BACKOFF',
      spawnErr: "too many open files to spawn 'web'",
    });
    w.clock.advance(1000);
    expect(w.proc('web').info()).toMatchObject({ state: 'STARTING', spawnErr: null });
  });

  it('reports an exit at exactly startsecs as RUNNING then EXITED', () => {
    const w = world({ autorestart: 'never' });
    w.clock.advance(1000);
    w.spawner.last.exit(0);
    expect(w.transitions()).toEqual([
      'web STOPPED→STARTING',
      'web STARTING→RUNNING',
      'web RUNNING→EXITED',
    ]);
    expect(w.logger.notable).toEqual([
      "INFO spawned: 'web' with pid 1000",
      'INFO exited: web (exit status 0; expected)',
    ]);
  });
});

describe('exits from RUNNING', () => {
  const running = (overrides: Partial<ProcessConfig> = {}) => {
    const w = world(overrides);
    w.clock.advance(5000);
    return w;
  };

  it('is EXITED with expected=1 for a code in exitcodes, and autorestart=unexpected leaves it', () => {
    const w = running({ exitCodes: [0, 2] });
    w.spawner.last.exit(2);
    expect(w.web.info()).toMatchObject({ state: 'EXITED', exitStatus: 2, spawnErr: null, pid: 0 });
    expect(w.stateEvents().at(-1)).toEqual({
      type: 'PROCESS_STATE',
      processName: 'web',
      groupName: 'web',
      from: 'RUNNING',
      to: 'EXITED',
      pid: 1000,
      tries: 0,
      expected: true,
    });
    expect(w.logger.notable.at(-1)).toBe('INFO exited: web (exit status 2; expected)');
    w.clock.advance(60_000);
    expect(w.spawner.children).toHaveLength(1);
  });

  it('restarts an unexpected exit at once, without waiting for a tick', () => {
    const w = running();
    w.spawner.last.exit(3);
    expect(w.web.state).toBe('STARTING');
    expect(w.spawner.children).toHaveLength(2);
    expect(w.transitions().slice(-2)).toEqual(['web RUNNING→EXITED', 'web EXITED→STARTING']);
    expect(w.stateEvents().at(-2)).toMatchObject({ expected: false, pid: 1000 });
    expect(w.logger.notable.slice(-2)).toEqual([
      'WARN exited: web (exit status 3; not expected)',
      "INFO spawned: 'web' with pid 1001",
    ]);
  });

  it("logs supervisord's SIGCHLD line at debug level after the exit, before the respawn", () => {
    const w = running({ autorestart: 'always' });
    w.logger.clear();
    w.spawner.last.exit(3);
    expect(w.logger.texts.filter((t) => !t.startsWith('DEBUG killing'))).toEqual([
      'WARN exited: web (exit status 3; not expected)',
      'DEBUG received SIGCHLD indicating a child quit',
      "INFO spawned: 'web' with pid 1001",
    ]);
  });

  it('restarts even an expected exit with autorestart=true', () => {
    const w = running({ autorestart: 'always' });
    w.spawner.last.exit(0);
    expect(w.web.state).toBe('STARTING');
  });

  it('never restarts with autorestart=false', () => {
    const w = running({ autorestart: 'never' });
    w.spawner.last.exit('SEGV');
    expect(w.web.info()).toMatchObject({
      state: 'EXITED',
      exitStatus: -1,
      spawnErr: 'Bad exit code -1',
    });
    expect(w.logger.notable.at(-1)).toBe('WARN exited: web (terminated by SIGSEGV; not expected)');
  });

  it('restarts forever: EXITED has no retry limit', () => {
    const w = running({ startRetries: 0 });
    for (let i = 0; i < 5; i++) {
      w.spawner.last.exit(1);
      w.clock.advance(1001);
    }
    expect(w.web.state).toBe('RUNNING');
    expect(w.spawner.children).toHaveLength(6);
  });
});

describe('what a process reports', () => {
  it('keeps wall times, pid, exit status and its output paths', () => {
    const w = world({ autorestart: 'never' });
    const started = Math.floor(w.clock.wallMs() / 1000);
    expect(w.web.info()).toMatchObject({
      name: 'web',
      group: 'web',
      namespec: 'web',
      state: 'STARTING',
      pid: 1000,
      startedAtSec: started,
      stoppedAtSec: 0,
      exitStatus: 0,
      stdoutLogfile: '/var/log/web-stdout.log',
      stderrLogfile: '/var/log/web-stderr.log',
    });
    w.clock.advance(7000);
    w.spawner.last.exit(4);
    expect(w.web.info()).toMatchObject({
      state: 'EXITED',
      pid: 0,
      startedAtSec: started,
      stoppedAtSec: started + 7,
      exitStatus: 4,
    });
  });

  it('hands each child to its output and spawns it with the SUPERVISOR_* environment', () => {
    const w = world();
    const child = w.spawner.last;
    expect(w.outputs.byName.get('web')?.attached).toEqual([child]);
    expect(child.spec.env).toMatchObject({
      SUPERVISOR_ENABLED: '1',
      SUPERVISOR_SERVER_URL: 'unix:///run/supervisor.sock',
      SUPERVISOR_PROCESS_NAME: 'web',
      SUPERVISOR_GROUP_NAME: 'web',
      HOME: '/root',
    });
  });

  it('publishes settled events: a subscriber sees the spawnerr of a BACKOFF it is told about', () => {
    const w = engineWorld({ groups: [programGroup('web', { command: 'nope' })] });
    w.spawner.scriptLookup('nope', { kind: 'not-found', file: 'nope' });
    const seen: (string | null)[] = [];
    w.bus.subscribe('PROCESS_STATE', (e) => {
      if (e.to === 'BACKOFF') {
        seen.push(w.proc('web').info().spawnErr);
      }
    });
    w.supervisor.autostart();
    expect(seen).toEqual(["can't find command 'nope'"]);
  });
});

describe('killasgroup leftovers', () => {
  it('SIGKILLs the dead leader’s process group before restarting', () => {
    const w = world({ startMs: 0, autorestart: 'always', stopAsGroup: true, killAsGroup: true });
    const first = w.spawner.last;
    first.exit(1);
    expect(first.signals).toEqual([{ signal: 'KILL', group: true }]);
    expect(w.spawner.children).toHaveLength(2);
  });

  it('leaves the group alone without killasgroup, as supervisord', () => {
    const w = world({ startMs: 0, autorestart: 'always' });
    const first = w.spawner.last;
    first.exit(1);
    expect(first.signals).toEqual([]);
  });
});
