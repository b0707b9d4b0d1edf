// Scenario 2: restart latency. A running program is SIGKILLed; the latency is from the kill to
// the first instruction of its new instance (the record it writes, stamped by the child). Ten
// programs are killed in turn, one at a time, each instance having run ≥ 300 ms; all samples of
// all runs are pooled for p50/p95.

import { join } from 'node:path';

import { sleep, wallMs, waitFor } from '../clock.js';
import { restartLoops } from '../floor/floor-processes.js';
import type { SubjectId } from '../subjects/subject.js';
import { idleNames, idlePrograms } from '../subjects/workload-spec.js';
import { latestUp, type ProgramRecord, readRecords } from '../workload/records.js';
import { type BenchContext, forEachSubject, type Scenario } from './scenario.js';

const ID = 'restart';
const PROGRAMS = 10;
const MIN_UPTIME_MS = 300;
const PAUSE_MIN_MS = 50;
const PAUSE_SPREAD_MS = 100;

/** Waits for the first `up` of `name` after `sinceMs`; returns its latency. */
const awaitRestart = (recordsFile: string, name: string, sinceMs: number): Promise<number> =>
  waitFor(
    `${name} to be back`,
    () => {
      const next = readRecords(recordsFile).find(
        (r) => r.event === 'up' && r.name === name && r.atMs > sinceMs,
      );
      return next === undefined ? null : next.atMs - sinceMs;
    },
    15_000,
    1,
  );

/**
 * Kills `kills` instances round-robin, one at a time: the next kill comes only after the last
 * restart, plus a random pause (so a supervisor's tick phase is sampled evenly, and no kill
 * wakes a supervisor up for another's restart). Returns each restart's latency in ms.
 */
const killAndTime = async (recordsFile: string, kills: number): Promise<number[]> => {
  const names = idleNames(PROGRAMS);
  const latencies: number[] = [];
  for (let k = 0; k < kills; k++) {
    const name = names[k % PROGRAMS] ?? '';
    const current: ProgramRecord = await waitFor(
      `a live instance of ${name}`,
      () => latestUp(readRecords(recordsFile)).get(name) ?? null,
      10_000,
    );
    const age = wallMs() - current.atMs;
    if (age < MIN_UPTIME_MS) {
      await sleep(MIN_UPTIME_MS - age);
    }
    const atMs = wallMs();
    process.kill(current.pid, 'SIGKILL');
    latencies.push(await awaitRestart(recordsFile, name, atMs));
    await sleep(PAUSE_MIN_MS + Math.random() * PAUSE_SPREAD_MS);
  }
  return latencies;
};

const measure = async (
  ctx: BenchContext,
  subject: SubjectId,
  run: number,
  recordsFile: string,
): Promise<void> => {
  await waitFor(
    `${PROGRAMS} programs up`,
    () => (latestUp(readRecords(recordsFile)).size === PROGRAMS ? true : null),
    30_000,
  );
  const latencies = await killAndTime(recordsFile, ctx.quick ? 10 : 20);
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
