// Scenario 4: the status listing as the process count grows (125/250/500/1000): the API call
// (getAllProcessInfo through our XML-RPC client; PM2's list through its own client) and the ctl
// command a person types. Also takes the daemon's RSS with 1000 programs (scenario 6).

import { join } from 'node:path';

import { sleep } from '../clock.js';
import { rssMiB } from '../proc/proc-stats.js';
import type { LaunchedSupervisor, SupervisorSubject } from '../subjects/subject.js';
import { Unsupported } from '../subjects/subject.js';
import { idlePrograms } from '../subjects/workload-spec.js';
import { median } from '../stats.js';
import { type BenchContext, check, forEachSubject, type Scenario } from './scenario.js';

const ID = 'status';

const sumOf = (values: readonly (number | null)[]): number =>
  values.reduce<number>((a, b) => a + (b ?? 0), 0);

export const statusSizes = (quick: boolean): readonly number[] =>
  quick ? [125, 1000] : [125, 250, 500, 1000];

/** Runs `body`, turning Unsupported into a note so the other measurements still happen. */
const optional = async (
  ctx: BenchContext,
  subject: SupervisorSubject,
  body: () => Promise<void>,
): Promise<void> => {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof Unsupported)) {
      throw error;
    }
    ctx.results.note(ID, subject.id, `not measured: ${error.message}`);
  }
};

const timeCtl = async (
  ctx: BenchContext,
  launched: LaunchedSupervisor,
  variant: 'status' | 'jlist',
  count: number,
): Promise<number[]> => {
  const times: number[] = [];
  const until = performance.now() + (ctx.quick ? 6_000 : 8_000);
  while (times.length < (ctx.quick ? 3 : 5) && (times.length < 2 || performance.now() < until)) {
    const timing = await launched.ctlStatus(variant);
    check(
      ctx,
      { scenario: ID, subject: launched.id },
      timing.lines >= count,
      `${timing.command}: ${timing.lines} lines for ${count} processes`,
    );
    ctx.results.note(ID, launched.id, `ctl: ${timing.command}`);
    for (const note of launched.notes) {
      ctx.results.note(ID, launched.id, note);
    }
    times.push(timing.ms);
  }
  return times;
};

const measureAt = async (
  ctx: BenchContext,
  subject: SupervisorSubject,
  run: number,
  count: number,
): Promise<void> => {
  const dir = ctx.newDir(`${ID}${count}-${subject.id}`);
  const workload = { programs: idlePrograms(count), recordsFile: join(dir, 'records.txt') };
  const launched = await subject.launch(workload, dir);
  try {
    await launched.waitRunning(count, 300_000);
    if (count === 1000) {
      await launched.ready(20_000);
      await sleep(1000);
      ctx.results.record('rss1000.fresh', subject.id, run, [
        sumOf(launched.daemonPids().map(rssMiB)),
      ]);
    }
    await optional(ctx, subject, async () => {
      const counts = await launched.counts();
      check(
        ctx,
        { scenario: ID, subject: subject.id },
        counts.running === count,
        `API: ${counts.running}/${count} RUNNING`,
      );
      const times = await launched.timeListing(ctx.quick ? 5 : 10, ctx.quick ? 4_000 : 5_000);
      ctx.results.record(`list.${count}`, subject.id, run, [median(times)]);
    });
    await optional(ctx, subject, async () => {
      const times = await launched.timeRawListing(ctx.quick ? 5 : 10, ctx.quick ? 4_000 : 5_000);
      ctx.results.record(`raw.${count}`, subject.id, run, [median(times)]);
    });
    await optional(ctx, subject, async () => {
      const times = await timeCtl(ctx, launched, 'status', count);
      ctx.results.record(`ctl.${count}`, subject.id, run, [median(times) / 1000]);
    });
    if (subject.id === 'pm2') {
      const times = await timeCtl(ctx, launched, 'jlist', count);
      ctx.results.record(`jlist.${count}`, subject.id, run, [median(times) / 1000]);
    }
    if (count === 1000) {
      ctx.results.record('rss1000', subject.id, run, [sumOf(launched.daemonPids().map(rssMiB))]);
    }
  } finally {
    await launched.close();
  }
};

export const statusScenario: Scenario = {
  id: ID,
  title: 'status listing at 125…1000 processes',
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: ID,
      order,
      body: async (subject) => {
        for (const count of statusSizes(ctx.quick)) {
          await measureAt(ctx, subject, run, count);
        }
      },
      floor: null,
    }),
};
