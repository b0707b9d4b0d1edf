// Scenario 2: restart latency. A running program is SIGKILLed; the latency is from the kill to
// the first instruction of its new instance (the record it writes, stamped by the child). Ten
// programs are killed in turn, one at a time, each instance having run ≥ 300 ms (see
// kill-and-time.ts); all samples of all runs are pooled for p50/p95.

import { join } from 'node:path';

import { restartLoops } from '../floor/floor-processes.js';
import type { SubjectId } from '../subjects/subject.js';
import { idleNames, idlePrograms } from '../subjects/workload-spec.js';
import { awaitAllUp, killAndTime } from './kill-and-time.js';
import { type BenchContext, forEachSubject, type Scenario } from './scenario.js';

const ID = 'restart';
/** programs killed in turn, here and in the events scenario */
export const PROGRAMS = 10;

/** kills per run (per phase in the events scenario) */
export const restartKills = (ctx: BenchContext): number => (ctx.quick ? 10 : 20);

const measure = async (
  ctx: BenchContext,
  subject: SubjectId,
  run: number,
  recordsFile: string,
): Promise<void> => {
  const names = idleNames(PROGRAMS);
  await awaitAllUp(recordsFile, names, 30_000);
  const latencies = await killAndTime(recordsFile, names, restartKills(ctx));
  ctx.results.record('restart', subject, run, latencies);
};

export const restartScenario: Scenario = {
  id: ID,
  title: 'restart after SIGKILL',
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: ID,
      order,
      body: async (subject) => {
        const dir = ctx.newDir(`${ID}-${subject.id}`);
        const workload = {
          programs: idlePrograms(PROGRAMS),
          recordsFile: join(dir, 'records.txt'),
        };
        const launched = await subject.launch(workload, dir);
        try {
          await launched.waitRunning(PROGRAMS, 30_000);
          await measure(ctx, subject.id, run, workload.recordsFile);
        } finally {
          await launched.close();
        }
      },
      floor: async () => {
        const dir = ctx.newDir(`${ID}-floor`);
        const records = join(dir, 'records.txt');
        restartLoops(ctx.scripts, records, idleNames(PROGRAMS));
        try {
          await measure(ctx, 'floor', run, records);
        } finally {
          ctx.reap(dir);
        }
      },
    }),
};
