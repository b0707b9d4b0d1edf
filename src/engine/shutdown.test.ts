import { setImmediate as settle } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { engineWorld } from '../../test/fakes/engine-world.js';
import {
  heterogeneousGroup,
  processConfig,
  programGroup,
} from '../../test/fakes/program-config.js';

/** Three groups: `low` (priority 1), `mid` (5, two processes), `high` (10). */
const build = () => {
  const w = engineWorld({
    groups: [
      programGroup('low', {}, 1),
      heterogeneousGroup('mid', 5, [
        processConfig('m-first', { priority: 1 }),
        processConfig('m-last', { priority: 2 }),
      ]),
      programGroup('high', {}, 10),
    ],
  });
  w.supervisor.autostart();
  w.clock.advance(1001);
  w.logger.clear();
  return w;
};

const signalled = (w: ReturnType<typeof engineWorld>): string[] =>
  w.spawner.children
    .filter((c) => c.signals.length > 0)
    .map(
      (c) =>
        `${c.spec.env['SUPERVISOR_PROCESS_NAME'] ?? '?'}:${c.signals.map((s) => s.signal).join('+')}`,
    );

describe('shutdown', () => {
  it('stops one group at a time, highest priority number first, waiting for each', async () => {
    const w = build();
    let done = false;
    const finished = w.supervisor.shutdown().then(() => {
      done = true;
    });
    expect(w.supervisor.mood).toBe('SHUTDOWN');
    expect(signalled(w)).toEqual(['high:TERM']);
    w.spawner.childOf('high').exit(0);
    await settle();
    expect(signalled(w)).toEqual(['m-first:TERM', 'm-last:TERM', 'high:TERM']);
    w.spawner.childOf('m-last').exit(0);
    await settle();
    expect(signalled(w)).toHaveLength(3);
    w.spawner.childOf('m-first').exit(0);
    await settle();
    expect(signalled(w)).toHaveLength(4);
    expect(done).toBe(false);
    w.spawner.childOf('low').exit(0);
    await finished;
    expect([...w.outputs.byName.values()].every((o) => o.closed)).toBe(true);
  });

  it('stops a group in descending process priority', async () => {
    const w = build();
    void w.supervisor.shutdown();
    w.spawner.childOf('high').exit(0);
    await settle();
    const order = w
      .stateEvents()
      .filter((e) => e.to === 'STOPPING')
      .map((e) => e.processName);
    expect(order).toEqual(['high', 'm-last', 'm-first']);
  });

  it('publishes SUPERVISOR_STATE_CHANGE STOPPING once and restarts nothing on the way down', async () => {
    const w = build();
    const first = w.supervisor.shutdown('RESTARTING');
    expect(w.supervisor.shutdown()).toBe(first);
    expect(w.supervisor.mood).toBe('RESTARTING');
    w.spawner.childOf('low').exit(1);
    expect(w.proc('low').state).toBe('EXITED');
    for (const name of ['high', 'm-first', 'm-last']) {
      w.spawner.childOf(name).exit(0);
      await settle();
    }
    await first;
    expect(w.events.filter((e) => e.type === 'SUPERVISOR_STATE_CHANGE')).toEqual([
      { type: 'SUPERVISOR_STATE_CHANGE', to: 'STOPPING' },
    ]);
    expect(w.spawner.children).toHaveLength(4);
  });

  it('gives up BACKOFF processes (FATAL) when their group comes up', async () => {
    const w = engineWorld({ groups: [programGroup('flaky')] });
    w.supervisor.autostart();
    w.spawner.last.exit(1);
    await w.supervisor.shutdown();
    expect(w.transitions().slice(-1)).toEqual(['flaky BACKOFF→FATAL']);
    expect(w.logger.notable).not.toContain(
      'INFO gave up: flaky entered FATAL state, too many start retries too quickly',
    );
    w.clock.advance(60_000);
    expect(w.spawner.children).toHaveLength(1);
  });

  it('says `waiting for … to die` at once, naming every unstopped process, then every 3 s', async () => {
    const w = build();
    const finished = w.supervisor.shutdown();
    w.clock.advance(2999);
    w.spawner.childOf('high').exit(0);
    await settle();
    w.clock.advance(1);
    expect(w.logger.notable).toEqual([
      'INFO waiting for low, m-first, m-last, high to die',
      'INFO stopped: high (exit status 0)',
      'INFO waiting for low, m-first, m-last to die',
    ]);
    for (const name of ['m-first', 'm-last', 'low']) {
      w.spawner.childOf(name).exit(0);
      await settle();
    }
    await finished;
    w.logger.clear();
    w.clock.advance(10_000);
    expect(w.logger.notable).toEqual([]);
    expect(w.clock.activeTimers).toBe(0);
  });

  it('finishes at once when nothing runs', async () => {
    const w = engineWorld({ groups: [programGroup('idle', { autostart: false })] });
    await w.supervisor.shutdown();
    expect(w.logger.notable).toEqual([]);
  });
});
