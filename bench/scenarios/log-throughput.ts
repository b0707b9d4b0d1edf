// Scenario 3: one child writes 256 MiB to stdout as fast as the pipe takes it, into a log
// rotated at 50 MiB × 10. Measured: MiB/s from the child's go to the moment all output is in
// the files, the daemon's CPU per 100 MiB, and bytes lost (files read back and hashed).

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { sleep, wallMs, waitFor } from '../clock.js';
import { cpuSeconds } from '../proc/proc-stats.js';
import type { LaunchedSupervisor, SubjectId } from '../subjects/subject.js';
import { concatenatedSha256, existing, sizeOf, totalSize } from '../workload/log-files.js';
import { readRecords } from '../workload/records.js';
import type { WriterRun } from '../workload/writer-run.js';
import { runFloorPipeline } from '../floor/floor-pipeline.js';
import { type BenchContext, forEachSubject, type Scenario } from './scenario.js';

const ID = 'log';
const MiB = 1024 * 1024;

interface Outcome {
  readonly endMs: number;
  readonly total: number;
}

/** Polls the files every 5 ms until all bytes are there, or output stopped after `done`. */
const awaitOutput = async (writer: WriterRun, expected: number): Promise<Outcome> => {
  const deadline = performance.now() + 180_000;
  let lastLive = -1;
  let lastGrowthAt = wallMs();
  let doneSeen = false;
  for (;;) {
    const files = writer.files();
    const live = sizeOf(files[files.length - 1] ?? '') ?? 0;
    const total = totalSize(files);
    const now = wallMs();
    if (live > lastLive) {
      lastGrowthAt = now;
    }
    lastLive = live;
    if (total === expected) {
      return { endMs: now, total };
    }
    doneSeen ||= readRecords(writer.recordsFile).some((r) => r.event === 'done');
    if ((doneSeen && now - lastGrowthAt > 2500) || performance.now() > deadline) {
      return { endMs: lastGrowthAt, total };
    }
    await sleep(5);
  }
};

export const measureWriter = async (
  ctx: BenchContext,
  subject: SubjectId,
  run: number,
  writer: WriterRun,
): Promise<void> => {
  const data = ctx.logData();
  await waitFor(
    'the writer to be armed',
    () => (readRecords(writer.recordsFile).some((r) => r.event === 'armed') ? true : null),
    60_000,
  );
  await sleep(300);
  const cpuUsed = writer.cpuMeter();
  await writeFile(writer.fifo, 'go\n');
  const outcome = await awaitOutput(writer, data.bytes);
  const cpu = await cpuUsed();
  const go = readRecords(writer.recordsFile).find((r) => r.event === 'go');
  if (go === undefined) {
    throw new Error('the writer never recorded its go');
  }
  const seconds = (outcome.endMs - go.atMs) / 1000;
  ctx.results.record('log.mibps', subject, run, [data.bytes / MiB / seconds]);
  if (cpu !== null) {
    ctx.results.record('log.cpu100', subject, run, [cpu / (data.bytes / MiB / 100)]);
  }
  const files = existing(writer.files());
  const exact = outcome.total === data.bytes && (await concatenatedSha256(files)) === data.sha256;
  ctx.results.record('log.lost', subject, run, [Math.max(0, data.bytes - outcome.total)]);
  ctx.results.record('log.exact', subject, run, [exact ? 1 : 0]);
  if (!exact) {
    ctx.results.note(
      ID,
      subject,
      `log not byte-exact: ${outcome.total} of ${data.bytes} bytes in ${files.length} files`,
    );
  }
};

const daemonCpu = (launched: LaunchedSupervisor) => (): (() => Promise<number | null>) => {
  const read = (): number | null => {
    const seconds = launched.daemonPids().map(cpuSeconds);
    return seconds.some((s) => s === null)
      ? null
      : seconds.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  };
  const before = read();
  return () => {
    const after = read();
    return Promise.resolve(before === null || after === null ? null : after - before);
  };
};

export const logScenario: Scenario = {
  id: ID,
  title: '256 MiB of child output → rotating logs',
  fullRuns: 5,
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: ID,
      order,
      body: async (subject) => {
        const dir = ctx.newDir(`${ID}-${subject.id}`);
        const logFile = join(dir, 'logs', 'writer.log');
        const fifo = join(dir, 'go.fifo');
        const recordsFile = join(dir, 'records.txt');
        const programs = [
          { kind: 'writer', name: 'writer', logFile, fifo, dataFile: ctx.logData().path } as const,
        ];
        const launched = await subject.launch({ programs, recordsFile }, dir);
        try {
          await launched.waitRunning(1, 60_000);
          await measureWriter(ctx, subject.id, run, {
            recordsFile,
            fifo,
            files: () => launched.writerLogFiles(logFile),
            cpuMeter: daemonCpu(launched),
          });
        } finally {
          await launched.close();
        }
      },
      floor: async () => {
        const dir = ctx.newDir(`${ID}-floor`);
        try {
          await runFloorPipeline(ctx, dir, (writer) => measureWriter(ctx, 'floor', run, writer));
        } finally {
          ctx.reap(dir);
        }
      },
    }),
};
