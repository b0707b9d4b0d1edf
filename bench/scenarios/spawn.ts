// Scenario 1: a cold start with 200 programs: from launching the daemon (or the PM2 CLI) until
// its own log says all 200 are RUNNING (online). Checked: all 200 programs really started, and
// the API lists 200 RUNNING.

import { join } from 'node:path';

import { waitFor } from '../clock.js';
import { spawnAllFromShell } from '../floor/floor-processes.js';
import { waitForLines } from '../subjects/log-watch.js';
import { Unsupported } from '../subjects/subject.js';
import { idleNames, idlePrograms } from '../subjects/workload-spec.js';
import { latestUp, readRecords } from '../workload/records.js';
import { check, forEachSubject, type Scenario } from './scenario.js';

const COUNT = 200;
const ID = 'spawn';

export const spawnScenario: Scenario = {
  id: ID,
  title: `spawn ${COUNT} programs → all RUNNING`,
  fullRuns: 5,
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: ID,
      order,
      body: async (subject) => {
        const dir = ctx.newDir(`${ID}-${subject.id}`);
        const workload = { programs: idlePrograms(COUNT), recordsFile: join(dir, 'records.txt') };
        const launched = await subject.launch(workload, dir);
        try {
          const at = await launched.waitRunning(COUNT, 60_000);
          ctx.results.record('spawn200', subject.id, run, [(at - launched.launchedAtMs) / 1000]);
          // RUNNING (startsecs=0) may be reported before the program has run its first line.
          const started = await waitFor(
            `${COUNT} programs to start`,
            () => (latestUp(readRecords(workload.recordsFile)).size === COUNT ? COUNT : null),
            10_000,
          ).catch(() => latestUp(readRecords(workload.recordsFile)).size);
          check(
            ctx,
            { scenario: ID, subject: subject.id },
            started === COUNT,
            `${started}/${COUNT} programs started`,
          );
          try {
            const counts = await launched.counts();
            check(
              ctx,
              { scenario: ID, subject: subject.id },
              counts.running === COUNT,
              `API: ${counts.running}/${COUNT} RUNNING`,
            );
          } catch (error) {
            if (!(error instanceof Unsupported)) {
              throw error;
            }
            ctx.results.note(
              ID,
              subject.id,
              `RUNNING checked in the main log only: ${error.message}`,
            );
          }
        } finally {
          await launched.close();
        }
      },
      floor: async () => {
        const dir = ctx.newDir(`${ID}-floor`);
        const records = join(dir, 'records.txt');
        const launchedAt = spawnAllFromShell(ctx.scripts, records, idleNames(COUNT));
        try {
          const at = await waitForLines({
            path: records,
            pattern: /^up /,
            count: COUNT,
            timeoutMs: 60_000,
          });
          ctx.results.record('spawn200', 'floor', run, [(at - launchedAt) / 1000]);
        } finally {
          ctx.reap(dir);
        }
      },
    }),
};
