import { describe, expect, it } from 'vitest';

import { engineWorld } from '../../test/fakes/engine-world.js';
import {
  heterogeneousGroup,
  numprocsGroup,
  processConfig,
  programGroup,
} from '../../test/fakes/program-config.js';

const spawnedNames = (w: ReturnType<typeof engineWorld>): (string | undefined)[] =>
  w.spawner.specs.map((s) => s.env['SUPERVISOR_PROCESS_NAME']);

describe('autostart', () => {
  it('spawns every autostart process in one sweep: groups by priority, processes in config order', () => {
    const w = engineWorld({
      groups: [
        programGroup('late', { priority: 900 }),
        heterogeneousGroup('site', 100, [
          processConfig('web', { priority: 50 }),
          processConfig('api', { priority: 10 }),
          processConfig('manual', { autostart: false }),
        ]),
        numprocsGroup('worker', 2, { priority: 500 }),
      ],
    });
    w.supervisor.autostart();
    expect(spawnedNames(w)).toEqual(['web', 'api', 'worker_0', 'worker_1', 'late']);
    expect(w.proc('site:manual').state).toBe('STOPPED');
    w.supervisor.autostart();
    expect(w.spawner.specs).toHaveLength(5);
  });

  it('publishes PROCESS_GROUP ADDED per group and creates each output once', () => {
    const w = engineWorld({ groups: [programGroup('a'), numprocsGroup('b', 2)] });
    expect(w.events).toEqual([
      { type: 'PROCESS_GROUP', change: 'ADDED', groupName: 'a' },
      { type: 'PROCESS_GROUP', change: 'ADDED', groupName: 'b' },
    ]);
    expect([...w.outputs.byName.keys()]).toEqual(['a', 'b_0', 'b_1']);
  });

  it('gives numprocs processes their own names in the group environment', () => {
    const w = engineWorld({ groups: [numprocsGroup('worker', 3)] });
    w.supervisor.autostart();
    expect(
      w.spawner.specs.map((s) => [
        s.env['SUPERVISOR_PROCESS_NAME'],
        s.env['SUPERVISOR_GROUP_NAME'],
      ]),
    ).toEqual([
      ['worker_0', 'worker'],
      ['worker_1', 'worker'],
      ['worker_2', 'worker'],
    ]);
  });
});

describe('lookup', () => {
  const w = engineWorld({
    groups: [
      programGroup('web'),
      numprocsGroup('worker', 2),
      heterogeneousGroup('site', 1, [processConfig('api')]),
    ],
  });

  it.each([
    ['web', 'process', 'web'],
    ['web:web', 'process', 'web'],
    ['worker:worker_1', 'process', 'worker:worker_1'],
    ['site:api', 'process', 'site:api'],
    ['worker:', 'group', 'worker'],
    ['worker:*', 'group', 'worker'],
  ])('%s is a %s', (namespec, kind, name) => {
    const found = w.supervisor.lookup(namespec);
    expect(found.kind).toBe(kind);
    expect(
      found.kind === 'process'
        ? found.process.namespec
        : found.kind === 'group'
          ? found.group.name
          : '',
    ).toBe(name);
  });

  it.each(['worker', 'api', 'nope', 'nope:*', 'web:nope', 'worker_1'])(
    '%s is a BAD_NAME',
    (namespec) => {
      expect(w.supervisor.lookup(namespec)).toEqual({
        kind: 'bad-name',
        fault: { fault: 'BAD_NAME', detail: namespec },
      });
    },
  );
});

describe('start', () => {
  it('checks the command before the state: NO_FILE without any state change', () => {
    const w = engineWorld({ groups: [programGroup('web', { command: 'web' })] });
    w.supervisor.autostart();
    w.spawner.scriptLookup('web', { kind: 'not-found', file: 'web' });
    const web = w.proc('web');
    expect(w.supervisor.start(web)).toEqual({
      fault: 'NO_FILE',
      detail: "can't find command 'web'",
    });
    w.spawner.scriptLookup('web', { kind: 'is-directory', file: '/usr/bin/web' });
    expect(w.supervisor.start(web)).toEqual({
      fault: 'NOT_EXECUTABLE',
      detail: "command at '/usr/bin/web' is a directory",
    });
    expect(web.state).toBe('STARTING');
    expect(w.transitions()).toEqual(['web STOPPED→STARTING']);
  });

  it('refuses a running process with ALREADY_STARTED', () => {
    const w = engineWorld({ groups: [programGroup('web')] });
    w.supervisor.autostart();
    expect(w.supervisor.start(w.proc('web'))).toEqual({ fault: 'ALREADY_STARTED', detail: 'web' });
  });

  it('answers SPAWN_ERROR when the spawn failed at once', () => {
    const w = engineWorld({ groups: [programGroup('web', { autostart: false })] });
    w.spawner.failNextSpawn('EAGAIN');
    expect(w.supervisor.start(w.proc('web'))).toEqual({ fault: 'SPAWN_ERROR', detail: 'web' });
    expect(w.proc('web').state).toBe('BACKOFF');
  });

  it('starts STOPPED, EXITED and FATAL processes afresh', () => {
    const w = engineWorld({ groups: [programGroup('web', { autostart: false, startRetries: 0 })] });
    const web = w.proc('web');
    expect(w.supervisor.start(web)).toBeUndefined();
    w.spawner.last.exit(1);
    expect(web.state).toBe('FATAL');
    expect(w.supervisor.start(web)).toBeUndefined();
    expect(w.stateEvents().at(-1)).toMatchObject({ from: 'FATAL', to: 'STARTING', tries: 0 });
  });
});

describe('group and all operations', () => {
  const build = () => {
    const w = engineWorld({
      groups: [
        heterogeneousGroup('b', 20, [
          processConfig('b1', { priority: 5 }),
          processConfig('b0', { priority: 1 }),
        ]),
        heterogeneousGroup('a', 10, [
          processConfig('a1', { autostart: false }),
          processConfig('a0'),
        ]),
      ],
    });
    w.supervisor.autostart();
    w.clock.advance(1001);
    return w;
  };
  const names = (results: { process: { namespec: string } }[]) =>
    results.map((r) => r.process.namespec);

  it('orders by (group priority, process priority) and acts only where needed', () => {
    const w = build();
    expect(w.supervisor.allProcesses().map((p) => p.namespec)).toEqual([
      'a:a1',
      'a:a0',
      'b:b0',
      'b:b1',
    ]);
    expect(names(w.supervisor.startAll())).toEqual(['a:a1']);
    expect(names(w.supervisor.signalAll('HUP'))).toEqual(['a:a1', 'a:a0', 'b:b0', 'b:b1']);
    const b = w.supervisor.group('b');
    expect(b).toBeDefined();
    expect(w.supervisor.stopGroup(b!)).toEqual([
      { process: w.proc('b:b0'), fault: undefined },
      { process: w.proc('b:b1'), fault: undefined },
    ]);
    expect(names(w.supervisor.signalGroup(b!, 'HUP'))).toEqual(['b:b0', 'b:b1']);
    expect(names(w.supervisor.stopAll())).toEqual(['a:a1', 'a:a0']);
  });

  it('reports per-process faults instead of failing the batch', () => {
    const w = build();
    w.supervisor.stopAll();
    for (const child of w.spawner.children) {
      child.exit(0);
    }
    w.spawner.scriptLookup('/usr/bin/a0', { kind: 'not-found', file: '/usr/bin/a0' });
    expect(w.supervisor.startGroup(w.supervisor.group('a')!)).toEqual([
      { process: w.proc('a:a1'), fault: undefined },
      {
        process: w.proc('a:a0'),
        fault: { fault: 'NO_FILE', detail: "can't find command '/usr/bin/a0'" },
      },
    ]);
  });
});

describe('adding and removing groups', () => {
  it('refuses a duplicate, and autostarts a group added after the first sweep', () => {
    const w = engineWorld({ groups: [programGroup('web')] });
    expect(w.supervisor.addGroup(programGroup('web'))).toEqual({
      fault: 'ALREADY_ADDED',
      detail: 'web',
    });
    w.supervisor.autostart();
    expect(w.supervisor.addGroup(programGroup('api'))).toBeUndefined();
    expect(w.proc('api').state).toBe('STARTING');
  });

  it('removes only fully stopped groups, closing their outputs', () => {
    const w = engineWorld({ groups: [programGroup('web')] });
    w.supervisor.autostart();
    expect(w.supervisor.removeGroup('web')).toEqual({ fault: 'STILL_RUNNING', detail: 'web' });
    expect(w.supervisor.removeGroup('nope')).toEqual({ fault: 'BAD_NAME', detail: 'nope' });
    w.proc('web').stop();
    w.spawner.last.exit(0);
    expect(w.supervisor.removeGroup('web')).toBeUndefined();
    expect(w.outputs.byName.get('web')?.closed).toBe(true);
    expect(w.events.at(-1)).toEqual({ type: 'PROCESS_GROUP', change: 'REMOVED', groupName: 'web' });
    expect(w.supervisor.lookup('web').kind).toBe('bad-name');
  });
});

describe('waiting', () => {
  it('resolves a start wait once RUNNING, and with SPAWN_ERROR after a quick exit', async () => {
    const w = engineWorld({ groups: [programGroup('web', { autostart: false })] });
    const web = w.proc('web');
    w.supervisor.start(web);
    const first = w.supervisor.waitForStart(web);
    w.clock.advance(1001);
    await expect(first).resolves.toBeUndefined();
    web.stop();
    w.spawner.last.exit(0);
    w.supervisor.start(web);
    const second = w.supervisor.waitForStart(web);
    w.spawner.last.exit(0);
    await expect(second).resolves.toEqual({ fault: 'SPAWN_ERROR', detail: 'web' });
  });

  it('answers ABNORMAL_TERMINATION when a start is stopped before RUNNING', async () => {
    const w = engineWorld({ groups: [programGroup('web')] });
    w.supervisor.autostart();
    const waiting = w.supervisor.waitForStart(w.proc('web'));
    w.proc('web').stop();
    await expect(waiting).resolves.toEqual({ fault: 'ABNORMAL_TERMINATION', detail: 'web' });
  });

  it('says `waiting for x to stop` every 2 s while a stop is awaited', async () => {
    const w = engineWorld({ groups: [programGroup('web')] });
    w.supervisor.autostart();
    w.clock.advance(1001);
    w.logger.clear();
    w.proc('web').stop();
    const stopped = w.supervisor.waitForStop(w.proc('web'));
    w.clock.advance(4000);
    w.spawner.last.exit(0);
    await stopped;
    w.clock.advance(10_000);
    expect(w.logger.notable).toEqual([
      'INFO waiting for web to stop',
      'INFO waiting for web to stop',
      'INFO waiting for web to stop',
      'INFO stopped: web (exit status 0)',
    ]);
  });

  it('can be aborted', async () => {
    const w = engineWorld({ groups: [programGroup('web', { autostart: false })] });
    const abort = new AbortController();
    const waiting = w.supervisor.waitFor(w.proc('web'), (i) => i.state === 'RUNNING', abort.signal);
    abort.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
  });
});

describe('spawn pacing', () => {
  it('spawns a mass start a slice per turn, the rest STARTING without a pid meanwhile', () => {
    const w = engineWorld({ groups: [numprocsGroup('w', 40, { startMs: 0 })] });
    w.supervisor.autostart();
    expect(w.spawner.specs).toHaveLength(32);
    expect(w.proc('w:w_39')).toMatchObject({ state: 'STARTING', pid: 0 });
    w.clock.advance(0);
    expect(w.spawner.specs).toHaveLength(40);
    expect(w.proc('w:w_39').state).toBe('RUNNING');
  });

  it('restarts a storm of exits in later turns, never inside the exit that caused them', () => {
    const w = engineWorld({
      groups: [numprocsGroup('w', 40, { startMs: 0, autorestart: 'always' })],
    });
    w.supervisor.autostart();
    w.clock.advance(0);
    for (const child of w.spawner.children.slice()) {
      child.exit(0);
    }
    // The turn that saw 40 exits spawned one slice of replacements; the rest waits its turn.
    expect(w.spawner.specs).toHaveLength(40 + 32);
    w.clock.advance(0);
    expect(w.spawner.specs).toHaveLength(80);
    expect(w.spawner.children.filter((c) => !c.exited)).toHaveLength(40);
  });

  it('drops a waiting spawn when the process is stopped first', () => {
    const w = engineWorld({ groups: [numprocsGroup('w', 33, { startMs: 0 })] });
    w.supervisor.autostart();
    const last = w.proc('w:w_32');
    expect(last.stop()).toBeUndefined();
    expect(last.state).toBe('STOPPED');
    expect(w.logger.lines).toContainEqual({
      level: 'debug',
      message: 'stopped: w_32 (before it was spawned)',
    });
    w.clock.advance(0);
    expect(w.spawner.specs).toHaveLength(32);
    expect(last.state).toBe('STOPPED');
  });
});
