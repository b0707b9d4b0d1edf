// Scenario 3: one child writes 256 MiB to stdout as fast as the pipe takes it, into a log
// rotated at 50 MiB × 10. Measured: MiB/s from the child's go to the moment all output is in
// the files, the daemon's CPU per 100 MiB, and bytes lost (files read back and hashed). Ours
// runs a second time with log_format=timestamped (a stamp on each 128-byte line; the files
// read back without the stamps must hash as the data does).

import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { sleep, wallMs, waitFor } from '../clock.js';
import { cpuSeconds } from '../proc/proc-stats.js';
import type { LaunchedSupervisor, SubjectId, SupervisorSubject } from '../subjects/subject.js';
import type { ProgramSpec } from '../subjects/workload-spec.js';
import { LINE_BYTES } from '../workload/log-data.js';
import {
  concatenatedSha256,
  existing,
  sizeOf,
  totalSize,
  unstampedSha256,
} from '../workload/log-files.js';
import { readRecords } from '../workload/records.js';
import type { WriterRun } from '../workload/writer-run.js';
import { runFloorPipeline } from '../floor/floor-pipeline.js';
import { type BenchContext, forEachSubject, type Scenario } from './scenario.js';

const ID = 'log';
const MiB = 1024 * 1024;
/** `2024-05-01T13:04:05.123+02:00 `: what log_format=timestamped puts before each line */
const STAMP_BYTES = 30;

/** Which run: the plain one (every subject), or ours with log_format=timestamped. */
interface LogRun {
  /** the metrics' prefix: `log` or `log.stamped` */
  readonly metric: string;
  readonly stamped: boolean;
}
const PLAIN: LogRun = { metric: 'log', stamped: false };
const STAMPED: LogRun = { metric: 'log.stamped', stamped: true };

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
  writer: WriterRun & { readonly kind?: LogRun },
): Promise<void> => {
  const kind = writer.kind ?? PLAIN;
  const data = ctx.logData();
  // The program's bytes: the stamps come on top of them, one per line.
  const expected = kind.stamped ? data.bytes + (data.bytes / LINE_BYTES) * STAMP_BYTES : data.bytes;
  await waitFor(
    'the writer to be armed',
    () => (readRecords(writer.recordsFile).some((r) => r.event === 'armed') ? true : null),
    60_000,
  );
  // Nothing dirty on the disk: an earlier run's 256 MiB still being written back would slow
  // whichever subject runs next (measured: up to twice the CPU per MiB for either daemon).
  spawnSync('sync');
  await sleep(300);
  const cpuUsed = writer.cpuMeter();
  await writeFile(writer.fifo, 'go\n');
  const outcome = await awaitOutput(writer, expected);
  const cpu = await cpuUsed();
  const go = readRecords(writer.recordsFile).find((r) => r.event === 'go');
  if (go === undefined) {
    throw new Error('the writer never recorded its go');
  }
  const seconds = (outcome.endMs - go.atMs) / 1000;
  ctx.results.record(`${kind.metric}.mibps`, subject, run, [data.bytes / MiB / seconds]);
  if (cpu !== null) {
    ctx.results.record(`${kind.metric}.cpu100`, subject, run, [cpu / (data.bytes / MiB / 100)]);
  }
  const files = existing(writer.files());
  const hash = kind.stamped
    ? await unstampedSha256(files, STAMP_BYTES)
    : await concatenatedSha256(files);
  const exact = outcome.total === expected && hash === data.sha256;
  ctx.results.record(`${kind.metric}.lost`, subject, run, [Math.max(0, expected - outcome.total)]);
  ctx.results.record(`${kind.metric}.exact`, subject, run, [exact ? 1 : 0]);
  if (!exact) {
    ctx.results.note(
      ID,
      subject,
      `${kind.stamped ? 'timestamped ' : ''}log not byte-exact: ${outcome.total} of ${expected} bytes in ${files.length} files`,
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

/** One launch of `subject` with the writer, measured as `kind` says. */
const measureSubject = async (
  ctx: BenchContext,
  subject: SupervisorSubject,
  run: number,
  kind: LogRun,
): Promise<void> => {
  const dir = ctx.newDir(`${ID}-${subject.id}${kind.stamped ? '-stamped' : ''}`);
  const logFile = join(dir, 'logs', 'writer.log');
  const fifo = join(dir, 'go.fifo');
  const recordsFile = join(dir, 'records.txt');
  const writer: ProgramSpec = {
    kind: 'writer',
    name: 'writer',
    logFile,
    fifo,
    dataFile: ctx.logData().path,
    ...(kind.stamped ? { logFormat: 'timestamped' as const } : {}),
  };
  const programs = [writer];
  const launched = await subject.launch({ programs, recordsFile }, dir);
  try {
    await launched.waitRunning(1, 60_000);
    await measureWriter(ctx, subject.id, run, {
      recordsFile,
      fifo,
      files: () => launched.writerLogFiles(logFile),
      cpuMeter: daemonCpu(launched),
      kind,
    });
  } finally {
    await launched.close();
  }
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
        await measureSubject(ctx, subject, run, PLAIN);
        if (subject.id === 'tssupervisord') {
          await measureSubject(ctx, subject, run, STAMPED);
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
