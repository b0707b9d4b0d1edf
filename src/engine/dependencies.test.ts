// depends_on and restart pacing through the engine (fake clock, fake spawner, fake prober).

import { describe, expect, it } from 'vitest';

import { engineWorld } from '../../test/fakes/engine-world.js';
import {
  heterogeneousGroup,
  numprocsGroup,
  processConfig,
  programGroup,
} from '../../test/fakes/program-config.js';
import type { Dependency, RestartPacing } from '../config/types.js';

const on = (name: string, condition: Dependency['condition'] = 'ready'): Dependency => ({
  name,
  condition,
  at: { file: '/etc/supervisord.conf', line: 9 },
});

const pacing = (overrides: Partial<RestartPacing>): RestartPacing => ({
  delayMs: 0,
  backoffMaxMs: 0,
  resetMs: 600_000,
  retryForever: false,
  ...overrides,
});

const spawned = (w: ReturnType<typeof engineWorld>): (string | undefined)[] =>
  w.spawner.specs.map((s) => s.env['SUPERVISOR_PROCESS_NAME']);

describe('depends_on', () => {
  it('a dependent waits, unspawned and reported STARTING, until its dependency is RUNNING', () => {
    const w = engineWorld({
      groups: [
        programGroup('web', { priority: 1, dependsOn: [on('db')] }),
        programGroup('db', { priority: 2 }),
      ],
    });
    w.supervisor.autostart();
    const web = w.proc('web');
    expect(spawned(w)).toEqual(['db']);
    expect(web.state).toBe('STARTING');
    expect(web.pid).toBe(0);
    expect(web.info().reason).toBe('waiting for db');
    expect(web.health()).toMatchObject({ waitingFor: 'db', readiness: 'none' });
    expect(w.logger.texts).toContain('INFO waiting: web is waiting for db');
    w.clock.advance(1001);
    expect(w.proc('db').state).toBe('RUNNING');
    expect(spawned(w)).toEqual(['db', 'web']);
    w.clock.advance(1001);
    expect(web.state).toBe('RUNNING');
    // The spawn after the wait is no STARTING → STARTING event (supervisord never sends one).
    expect(w.transitions().filter((t) => t.startsWith('web '))).toEqual([
      'web STOPPED→STARTING',
      'web STARTING→RUNNING',
    ]);
  });

  it(':started holds once the dependency is spawned; :completed once it exited as expected', () => {
    const w = engineWorld({
      groups: [
        programGroup('migrate', { startMs: 0, autorestart: 'never' }),
        programGroup('worker', { dependsOn: [on('cache', 'started')] }),
        programGroup('cache', { autostart: false }),
        programGroup('web', { dependsOn: [on('migrate', 'completed')] }),
      ],
    });
    w.supervisor.autostart();
    expect(spawned(w)).toEqual(['migrate']);
    expect(w.proc('web').info().reason).toBe('waiting for migrate to complete');
    expect(w.proc('worker').info().reason).toBe('waiting for cache to start');
    w.spawner.childOf('migrate').exit(1);
    expect(w.proc('migrate').state).toBe('EXITED');
    expect(spawned(w)).toEqual(['migrate']);
    w.proc('migrate').start();
    w.spawner.childOf('migrate').exit(0);
    expect(spawned(w)).toEqual(['migrate', 'migrate', 'web']);
    w.proc('cache').start();
    expect(spawned(w)).toEqual(['migrate', 'migrate', 'web', 'cache', 'worker']);
  });

  it('a group name stands for every member; all must hold', () => {
    const w = engineWorld({
      groups: [
        heterogeneousGroup('backend', 1, [
          processConfig('db', { startMs: 0 }),
          processConfig('cache', { autostart: false }),
        ]),
        programGroup('web', { dependsOn: [on('backend')] }),
      ],
    });
    w.supervisor.autostart();
    expect(w.proc('web').info().reason).toBe('waiting for backend');
    w.proc('backend:cache').start();
    w.clock.advance(1001);
    expect(w.proc('web').pid).not.toBe(0);
  });

  it('a waiting process stops at once, and a start of it is ALREADY_STARTED', () => {
    const w = engineWorld({
      groups: [
        programGroup('web', { dependsOn: [on('db')] }),
        programGroup('db', { autostart: false }),
      ],
    });
    w.supervisor.autostart();
    expect(w.proc('web').start()).toEqual({ fault: 'ALREADY_STARTED', detail: 'web' });
    expect(w.proc('web').stop()).toBeUndefined();
    expect(w.proc('web').state).toBe('STOPPED');
    w.proc('db').start();
    w.clock.advance(1001);
    expect(spawned(w)).toEqual(['db']);
  });

  it('shutdown stops dependents before what they depend on, whatever the priorities', async () => {
    const w = engineWorld({
      groups: [
        programGroup('db', { startMs: 0, priority: 900 }),
        programGroup('web', { startMs: 0, priority: 100, dependsOn: [on('db')] }),
      ],
    });
    w.supervisor.autostart();
    expect(w.proc('web').state).toBe('RUNNING');
    const done = w.supervisor.shutdown();
    // supervisord's order would stop db (priority 900) first
    expect(w.proc('web').state).toBe('STOPPING');
    expect(w.proc('db').state).toBe('RUNNING');
    w.spawner.childOf('web').exit('TERM');
    // the next group's stop follows once the promise of the first has settled
    await new Promise((resolve) => setImmediate(resolve));
    expect(w.proc('db').state).toBe('STOPPING');
    w.spawner.childOf('db').exit('TERM');
    await done;
  });
});

describe('restart pacing', () => {
  it('without the options an autorestart is immediate (supervisord)', () => {
    const w = engineWorld({ groups: [programGroup('web', { startMs: 0, autorestart: 'always' })] });
    w.supervisor.autostart();
    w.spawner.last.exit(1);
    expect(w.proc('web').state).toBe('RUNNING');
    expect(w.spawner.children).toHaveLength(2);
  });

  it('restart_delay: BACKOFF for the delay, then a new spawn', () => {
    const w = engineWorld({
      groups: [
        programGroup('web', {
          startMs: 0,
          autorestart: 'always',
          restartPacing: pacing({ delayMs: 2000 }),
        }),
      ],
    });
    w.supervisor.autostart();
    w.spawner.last.exit(1);
    expect(w.proc('web').state).toBe('BACKOFF');
    expect(w.proc('web').info().reason).toBe('restarting in 2 s');
    w.clock.advance(500);
    expect(w.proc('web').health().restartInMs).toBe(1500);
    expect(w.logger.texts).toContain('INFO restarting: web in 2 seconds (restart 1 in a row)');
    w.clock.advance(1499);
    expect(w.spawner.children).toHaveLength(1);
    w.clock.advance(1);
    expect(w.spawner.children).toHaveLength(2);
    expect(w.transitions().slice(2)).toEqual([
      'web RUNNING→EXITED',
      'web EXITED→BACKOFF',
      'web BACKOFF→STARTING',
      'web STARTING→RUNNING',
    ]);
  });

  it('restart_backoff_max: doubles per restart in a row, capped; a calm run resets it', () => {
    const w = engineWorld({
      groups: [
        programGroup('web', {
          startMs: 0,
          autorestart: 'always',
          restartPacing: pacing({ backoffMaxMs: 8000, resetMs: 60_000 }),
        }),
      ],
    });
    w.supervisor.autostart();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = w.spawner.children.length;
      w.spawner.last.exit(1);
      let waited = 0;
      while (w.spawner.children.length === before && waited < 100_000) {
        w.clock.advance(500);
        waited += 500;
      }
      delays.push(w.proc('web').state === 'RUNNING' ? waited : -1);
    }
    expect(delays).toEqual([0, 2000, 4000, 8000, 8000, 8000]);
    w.clock.advance(60_000);
    w.spawner.last.exit(1);
    expect(w.spawner.children).toHaveLength(8);
  });

  it('restart_backoff_max paces failed starts too; retry_forever never goes FATAL', () => {
    const w = engineWorld({
      groups: [
        programGroup('web', {
          startRetries: 1,
          restartPacing: pacing({ backoffMaxMs: 4000, retryForever: true }),
        }),
      ],
    });
    w.supervisor.autostart();
    const retryAt: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      w.spawner.last.exit(1);
      expect(w.proc('web').state).toBe('BACKOFF');
      const before = w.spawner.children.length;
      let waited = 0;
      while (w.spawner.children.length === before && waited < 100_000) {
        w.clock.advance(500);
        waited += 500;
      }
      retryAt.push(waited);
    }
    expect(retryAt).toEqual([1000, 2000, 4000, 4000, 4000]);
    expect(w.proc('web').state).toBe('STARTING');
  });

  it('a client start during the delay starts it now; a stop ends the wait', () => {
    const w = engineWorld({
      groups: [
        programGroup('web', {
          startMs: 0,
          autorestart: 'always',
          restartPacing: pacing({ delayMs: 30_000 }),
        }),
        programGroup('api', {
          startMs: 0,
          autorestart: 'always',
          restartPacing: pacing({ delayMs: 30_000 }),
        }),
      ],
    });
    w.supervisor.autostart();
    w.spawner.childOf('web').exit(1);
    expect(w.proc('web').start()).toBeUndefined();
    expect(w.proc('web').state).toBe('RUNNING');
    w.spawner.childOf('api').exit(1);
    expect(w.proc('api').stop()).toBeUndefined();
    expect(w.proc('api').state).toBe('STOPPED');
    w.clock.advance(60_000);
    expect(w.spawner.children).toHaveLength(3);
  });
});

describe('rolling restart', () => {
  it('restarts one process at a time, each back RUNNING before the next is stopped', async () => {
    const w = engineWorld({ groups: [numprocsGroup('web', 3, { startMs: 1000 })] });
    w.supervisor.autostart();
    w.clock.advance(1001);
    const group = w.supervisor.group('web');
    if (group === undefined) {
      throw new Error('no group');
    }
    const rolled = w.supervisor.rollingRestart(group);
    const flush = () => new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 3; i++) {
      const running = ['web_0', 'web_1', 'web_2'].filter(
        (n) => w.proc(`web:${n}`).state === 'RUNNING',
      );
      // never fewer than two of three up
      expect(running.length).toBeGreaterThanOrEqual(2);
      w.spawner.childOf(`web_${i}`).exit('TERM');
      await flush();
      expect(w.proc(`web:web_${i}`).state).toBe('STARTING');
      w.clock.advance(1001);
      await flush();
    }
    const results = await rolled;
    expect(results.map((r) => [r.process.config.name, r.fault])).toEqual([
      ['web_0', undefined],
      ['web_1', undefined],
      ['web_2', undefined],
    ]);
    expect(w.spawner.children).toHaveLength(6);
  });

  it('ends the roll at the first process that does not come back', async () => {
    const w = engineWorld({
      groups: [numprocsGroup('web', 2, { startMs: 1000, startRetries: 0 })],
    });
    w.supervisor.autostart();
    w.clock.advance(1001);
    const group = w.supervisor.group('web');
    if (group === undefined) {
      throw new Error('no group');
    }
    const rolled = w.supervisor.rollingRestart(group);
    w.spawner.childOf('web_0').exit('TERM');
    await new Promise((resolve) => setImmediate(resolve));
    w.spawner.childOf('web_0').exit(1);
    const results = await rolled;
    expect(results.map((r) => [r.process.config.name, r.fault?.fault])).toEqual([
      ['web_0', 'SPAWN_ERROR'],
    ]);
    expect(w.proc('web:web_1').state).toBe('RUNNING');
  });
});
