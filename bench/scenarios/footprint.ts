// Scenario 6: what a daemon costs when it has nothing to do: its RSS with no programs (the
// floor: a minimal Node daemon — HTTP on a unix socket, one piped child, a log file — and, on
// its own row, a bare idle Node process), and the CPU it burns per 20 s supervising 100 idle
// programs, once it has settled (60 s after the programs are up), averaged over 60 s.
// The idle CPU of the three daemons is taken in the same window, side by side, since idle
// daemons do not disturb one another and so share exactly the same background load.

import { join } from 'node:path';

import { sleep } from '../clock.js';
import { idleNodeRss, nodeFloorRss } from '../floor/node-floor.js';
import { cpuSeconds, rssMiB } from '../proc/proc-stats.js';
import type { LaunchedSupervisor } from '../subjects/subject.js';
import { idlePrograms } from '../subjects/workload-spec.js';
import { type BenchContext, check, forEachSubject, type Scenario } from './scenario.js';

const IDLE_PROGRAMS = 100;

const sumOf = (values: readonly (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);

export const rssScenario: Scenario = {
  id: 'rss0',
  title: 'daemon RSS with no programs',
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: 'rss0',
      order,
      body: async (subject) => {
        const dir = ctx.newDir(`rss0-${subject.id}`);
        const launched = await subject.launch({ programs: [], recordsFile: join(dir, 'r') }, dir);
        try {
          await launched.ready(20_000);
          await sleep(1000);
          const rss = sumOf(launched.daemonPids().map(rssMiB));
          if (rss !== null) {
            ctx.results.record('rss0', subject.id, run, [rss]);
          }
        } finally {
          await launched.close();
        }
      },
      floor: async () => {
        const dir = ctx.newDir('rss0-floor');
        try {
          const floor = await nodeFloorRss(dir);
          if (floor !== null) {
            ctx.results.record('rss0', 'floor', run, [floor]);
          }
          const bare = await idleNodeRss(dir);
          if (bare !== null) {
            ctx.results.record('rss0.node', 'floor', run, [bare]);
          }
        } finally {
          ctx.reap(dir);
        }
      },
    }),
};

const measureIdle = async (
  ctx: BenchContext,
  run: number,
  launched: readonly LaunchedSupervisor[],
): Promise<void> => {
  for (const l of launched) {
    await l.waitRunning(IDLE_PROGRAMS, 60_000);
    await l.ready(20_000);
  }
  // V8's memory reducer runs a one-off full GC (~25 ms) 25–35 s after a Node daemon starts;
  // the window starts after it, so what is measured is the steady state. PM2 works in bursts
  // every 30 s, so the window is 60 s (reported per 20 s) to be fair to periodic work.
  await sleep(ctx.quick ? 35_000 : 60_000);
  const windowS = ctx.quick ? 20 : 60;
  const before = launched.map((l) => sumOf(l.daemonPids().map(cpuSeconds)));
  await sleep(windowS * 1000);
  launched.forEach((l, i) => {
    const after = sumOf(l.daemonPids().map(cpuSeconds));
    const start = before[i];
    if (
      check(
        ctx,
        { scenario: 'idle', subject: l.id },
        after !== null && start != null,
        'the daemon died while idle',
      )
    ) {
      ctx.results.record('idle100', l.id, run, [((after ?? 0) - (start ?? 0)) * (20 / windowS)]);
      ctx.results.record('rss100', l.id, run, [sumOf(l.daemonPids().map(rssMiB)) ?? Number.NaN]);
    }
  });
};

export const idleScenario: Scenario = {
  id: 'idle',
  title: `idle CPU with ${IDLE_PROGRAMS} programs`,
  fullRuns: 1,
  run: async (ctx, run, order) => {
    const launched: LaunchedSupervisor[] = [];
    try {
      await forEachSubject(ctx, {
        scenario: 'idle',
        order,
        body: async (subject) => {
          const dir = ctx.newDir(`idle-${subject.id}`);
          const workload = {
            programs: idlePrograms(IDLE_PROGRAMS),
            recordsFile: join(dir, 'records.txt'),
          };
          launched.push(await subject.launch(workload, dir));
        },
        floor: null,
      });
      await measureIdle(ctx, run, launched);
    } finally {
      for (const l of launched) {
        await l.close();
      }
    }
  },
};
