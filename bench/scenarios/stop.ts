// Scenario 5: stop 200 running programs with one request (stopAllProcesses with wait / PM2's
// stop all) and wait until they are all stopped. Checked: the API lists 200 stopped and every
// program's process is gone.

import { join } from 'node:path';

import { sleep, waitFor } from '../clock.js';
import { spawnChildren, stopChildren } from '../floor/floor-processes.js';
import { isAlive } from '../proc/proc-stats.js';
import { idleNames, idlePrograms } from '../subjects/workload-spec.js';
import { latestUp, readRecords } from '../workload/records.js';
import { check, forEachSubject, type Scenario } from './scenario.js';

const ID = 'stop';
const COUNT = 200;

export const stopScenario: Scenario = {
  id: ID,
  title: `stop ${COUNT} running programs`,
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: ID,
      order,
      body: async (subject) => {
        const dir = ctx.newDir(`${ID}-${subject.id}`);
        const workload = { programs: idlePrograms(COUNT), recordsFile: join(dir, 'records.txt') };
        const launched = await subject.launch(workload, dir);
        try {
          await launched.waitRunning(COUNT, 60_000);
          await launched.ready(20_000);
          await sleep(500);
          const ms = await launched.stopAll();
          ctx.results.record('stop200', subject.id, run, [ms / 1000]);
          const counts = await launched.counts();
          check(
            ctx,
            { scenario: ID, subject: subject.id },
            counts.stopped === COUNT,
            `API: ${counts.stopped}/${COUNT} stopped`,
          );
          const alive = [...latestUp(readRecords(workload.recordsFile)).values()].filter((r) =>
            isAlive(r.pid),
          ).length;
          check(
            ctx,
            { scenario: ID, subject: subject.id },
            alive === 0,
            `${alive} programs still alive after the stop`,
          );
        } finally {
          await launched.close();
        }
      },
      floor: async () => {
        const dir = ctx.newDir(`${ID}-floor`);
        const records = join(dir, 'records.txt');
        const children = spawnChildren(ctx.scripts, records, idleNames(COUNT));
        try {
          await waitFor(
            `${COUNT} programs up`,
            () => (latestUp(readRecords(records)).size === COUNT ? true : null),
            60_000,
          );
          await sleep(500);
          ctx.results.record('stop200', 'floor', run, [(await stopChildren(children)) / 1000]);
        } finally {
          ctx.reap(dir);
        }
      },
    }),
};
