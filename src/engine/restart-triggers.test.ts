// Restart triggers through the engine with a manual clock: restart_on_memory (a fake sampler),
// restart_on_cron (wall time, UTC here) and watch= (a fake watcher with debounce). Each restart
// is a normal stop then start, logged with its reason and shown by status.

import { describe, expect, it } from 'vitest';

import { parseCron } from '../config/cron-schedule.js';
import type { ProcessConfig, RestartTriggers } from '../config/types.js';
import type { TreeUsage } from '../ports/process-stats.js';
import { engineWorld, startThenRestart } from '../../test/fakes/engine-world.js';
import { programGroup } from '../../test/fakes/program-config.js';
import { inTimeZone } from '../../test/helpers/time-zone.js';
import { createStatsSampler } from './stats-sampler.js';

const MB = 1024 ** 2;

const triggers = (t: Partial<RestartTriggers>): Partial<ProcessConfig> => ({
  startMs: 0,
  restartTriggers: { memoryBytes: 0, cron: null, watch: null, ...t },
});

/** Lets the sampler's promise chain run. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
  }
};

const memoryWorld = (rssOf: (pid: number) => number, config: Partial<ProcessConfig>) => {
  const asked: (readonly number[])[] = [];
  let now = 0;
  const sampler = createStatsSampler({
    stats: {
      sample: (pids) => {
        asked.push(pids);
        return Promise.resolve(
          new Map<number, TreeUsage>(
            pids.map((pid) => [
              pid,
              { cpuPercent: 0, cpuSeconds: 0, rssBytes: rssOf(pid), processCount: 2, members: [] },
            ]),
          ),
        );
      },
    },
    monotonicMs: () => now,
  });
  const w = engineWorld({
    groups: [programGroup('web', config), programGroup('db', { startMs: 0 })],
    statsSampler: sampler,
  });
  const advance = async (ms: number): Promise<void> => {
    w.clock.advance(ms);
    now = w.clock.monotonicMs();
    await settle();
  };
  return { ...w, asked, advance };
};

describe('restart_on_memory', () => {
  it('restarts a RUNNING process whose tree is over its limit: stop, start, reason logged and shown', async () => {
    let rss = 100 * MB;
    const w = memoryWorld(() => rss, triggers({ memoryBytes: 512 * MB }));
    w.supervisor.autostart();
    const web = w.proc('web');
    await w.advance(1000);
    expect(web.state).toBe('RUNNING');
    expect(w.asked).toEqual([[1000, 1001]]);
    rss = 612 * MB;
    await w.advance(1000);
    expect(web.state).toBe('STOPPING');
    expect(w.logger.texts).toContain('INFO restarting web: memory 612 MB > 512 MB');
    expect(web.info().reason).toBe('restarting: memory 612 MB > 512 MB');
    expect(w.spawner.childOf('web').signals).toEqual([{ signal: 'TERM', group: false }]);
    rss = 100 * MB;
    w.spawner.childOf('web').exit('TERM');
    expect(web.state).toBe('RUNNING');
    expect(web.pid).toBe(1002);
    expect(web.info().reason).toBe('restarted: memory 612 MB > 512 MB');
    expect(web.health()).toMatchObject({ restartedBy: 'memory 612 MB > 512 MB' });
    expect(w.transitions().filter((t) => t.startsWith('web'))).toEqual(startThenRestart('web'));
    // A client's restart (stop, start) clears the note.
    web.stop();
    w.spawner.childOf('web').exit('TERM');
    web.start();
    expect(web.info().reason).toBeNull();
  });

  it('checks once a second only while a limited process is RUNNING', async () => {
    const w = memoryWorld(() => 10 * MB, triggers({ memoryBytes: 512 * MB }));
    await w.advance(5000);
    expect(w.asked).toHaveLength(0);
    w.supervisor.autostart();
    for (let i = 0; i < 3; i++) {
      await w.advance(1000);
    }
    expect(w.asked).toHaveLength(3);
    w.proc('web').stop();
    w.spawner.childOf('web').exit('TERM');
    for (let i = 0; i < 5; i++) {
      await w.advance(1000);
    }
    expect(w.asked).toHaveLength(3);
  });

  it('a process without a limit is never restarted for its memory', async () => {
    const w = memoryWorld(() => 10_000 * MB, { startMs: 0 });
    w.supervisor.autostart();
    await w.advance(5000);
    expect(w.asked).toHaveLength(0);
    expect(w.proc('db').state).toBe('RUNNING');
  });

  it('a stop that takes stopwaitsecs ends with SIGKILL, like any stop', async () => {
    const w = memoryWorld(() => 600 * MB, {
      ...triggers({ memoryBytes: 512 * MB }),
      stopWaitMs: 2000,
    });
    w.supervisor.autostart();
    await w.advance(1000);
    expect(w.proc('web').state).toBe('STOPPING');
    await w.advance(2000);
    expect(w.spawner.childOf('web').signals.map((s) => s.signal)).toEqual(['TERM', 'KILL']);
  });

  it('a client stop during the triggered restart cancels the start', async () => {
    const w = memoryWorld(() => 600 * MB, triggers({ memoryBytes: 512 * MB }));
    w.supervisor.autostart();
    await w.advance(1000);
    const web = w.proc('web');
    expect(web.state).toBe('STOPPING');
    expect(web.stop()).toBeUndefined();
    w.spawner.childOf('web').exit('TERM');
    expect(web.state).toBe('STOPPED');
    expect(
      w.spawner.children.filter((c) => c.spec.env['SUPERVISOR_PROCESS_NAME'] === 'web'),
    ).toHaveLength(1);
  });
});

describe('restart_on_cron', () => {
  inTimeZone('UTC');

  // The manual clock's wall time starts at 2024-01-01 12:00 UTC.
  const cronWorld = (text: string) =>
    engineWorld({ groups: [programGroup('web', triggers({ cron: parseCron(text) }))] });

  it('fires at the scheduled minute, logs it, restarts, and shows the next run', () => {
    const w = cronWorld('30 12 * * *');
    w.supervisor.autostart();
    const web = w.proc('web');
    expect(web.info().reason).toBe('next restart 2024-01-01 12:30');
    expect(web.health()).toMatchObject({
      restartedBy: null,
      nextRestartMs: Date.UTC(2024, 0, 1, 12, 30),
    });
    w.clock.advance(30 * 60_000 - 1);
    expect(web.state).toBe('RUNNING');
    w.clock.advance(1);
    expect(web.state).toBe('STOPPING');
    expect(w.logger.texts).toContain('INFO restarting web: cron 30 12 * * *');
    w.spawner.childOf('web').exit('TERM');
    expect(web.state).toBe('RUNNING');
    expect(web.info().reason).toBe('restarted: cron 30 12 * * *; next restart 2024-01-02 12:30');
  });

  it('fires every day, not more', () => {
    const w = cronWorld('0 4 * * *');
    w.supervisor.autostart();
    // 12:00 → 04:00 the next day, then a day at a time.
    w.clock.advance(16 * 3600_000);
    for (let day = 0; day < 3; day++) {
      expect(w.proc('web').state).toBe('STOPPING');
      w.spawner.childOf('web').exit('TERM');
      w.clock.advance(24 * 3600_000 - 1);
      expect(w.proc('web').state).toBe('RUNNING');
      w.clock.advance(1);
    }
    w.spawner.childOf('web').exit('TERM');
    expect(w.logger.texts.filter((t) => t.includes('restarting web: cron'))).toHaveLength(4);
    expect(w.spawner.children).toHaveLength(5);
  });

  it('does not restart a process that is not RUNNING, and keeps the schedule', () => {
    const w = cronWorld('*/10 * * * *');
    w.supervisor.autostart();
    const web = w.proc('web');
    web.stop();
    w.spawner.childOf('web').exit('TERM');
    w.clock.advance(60 * 60_000);
    expect(web.state).toBe('STOPPED');
    expect(w.spawner.children).toHaveLength(1);
    web.start();
    w.clock.advance(10 * 60_000);
    expect(web.state).toBe('STOPPING');
  });

  it('stops its timer when the process object goes away', async () => {
    const w = cronWorld('* * * * *');
    await w.supervisor.shutdown();
    w.clock.advance(10 * 60_000);
    expect(w.logger.texts.filter((t) => t.includes('restarting web: cron'))).toHaveLength(0);
  });
});

describe('watch', () => {
  const watchWorld = () =>
    engineWorld({
      groups: [
        programGroup(
          'web',
          triggers({ watch: { paths: ['/srv/app'], ignore: ['*.pyc'], debounceMs: 1000 } }),
        ),
      ],
    });

  it('a burst of changes restarts once, debounce after the last one', () => {
    const w = watchWorld();
    w.supervisor.autostart();
    expect(w.fileWatcher.watches[0]?.request).toEqual({ paths: ['/srv/app'], ignore: ['*.pyc'] });
    for (let i = 0; i < 5; i++) {
      w.fileWatcher.change(`/srv/app/mod${i % 2}.py`);
      w.clock.advance(300);
    }
    expect(w.proc('web').state).toBe('RUNNING');
    w.clock.advance(699);
    expect(w.proc('web').state).toBe('RUNNING');
    w.clock.advance(1);
    expect(w.proc('web').state).toBe('STOPPING');
    expect(w.logger.texts).toContain('INFO restarting web: /srv/app/mod0.py changed (and 1 more)');
    w.spawner.childOf('web').exit('TERM');
    w.clock.advance(10_000);
    expect(w.spawner.children).toHaveLength(2);
    expect(w.logger.texts.filter((t) => t.includes('restarting web'))).toHaveLength(1);
  });

  it('each quiet window after changes is one more restart', () => {
    const w = watchWorld();
    w.supervisor.autostart();
    for (let round = 0; round < 3; round++) {
      w.fileWatcher.change('/srv/app/app.py');
      w.clock.advance(1000);
      w.spawner.childOf('web').exit('TERM');
    }
    expect(w.spawner.children).toHaveLength(4);
    expect(
      w.logger.texts.filter((t) => t === 'INFO restarting web: /srv/app/app.py changed'),
    ).toHaveLength(3);
  });

  it('logs what cannot be watched', () => {
    const w = watchWorld();
    w.fileWatcher.problem('watch: cannot watch /srv/app (ENOENT)');
    expect(w.logger.texts).toContain('WARN web: watch: cannot watch /srv/app (ENOENT)');
  });

  it('closes its watch when the group is removed', () => {
    const w = watchWorld();
    expect(w.fileWatcher.open).toBe(1);
    expect(w.supervisor.removeGroup('web')).toBeUndefined();
    expect(w.fileWatcher.open).toBe(0);
  });
});
