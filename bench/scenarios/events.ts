// Scenario: does a busy child logging with stdout_events_enabled=true slow the supervision of
// the others? Ten idle programs are restarted after SIGKILL as in the restart scenario (same
// code, kill-and-time.ts), first quiet, then — same daemon, same run — while a logger writes
// numbered lines to stdout at full speed into a log with stdout_events_enabled=true and an
// [eventlistener] subscribed to PROCESS_LOG reads and acknowledges every event it is sent.
// Recorded: both phases' latencies (their ratio is a report row), the daemon's own reaction in
// both (exited → spawned in its main log: what of the latency is the daemon's), and the load: the
// logger's output the daemon took (the logger's wchar), the events the listener acknowledged
// and their payload, the daemon's CPU and, at the end, its RSS. PM2 has no event listeners, so
// it sits this one out. The floor runs the same restart loops while the logger writes into
// `cat > /dev/null`.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { sleep, waitFor } from '../clock.js';
import { restartLoops } from '../floor/floor-processes.js';
import { cpuSeconds, isAlive, rssMiB, writtenBytes } from '../proc/proc-stats.js';
import { runChecked } from '../proc/run-command.js';
import { type SubjectId, Unsupported } from '../subjects/subject.js';
import { idleNames, idlePrograms, type ProgramSpec } from '../subjects/workload-spec.js';
import { readRecords } from '../workload/records.js';
import { awaitAllUp, killAndTime, reactionTimes } from './kill-and-time.js';
import { PROGRAMS, restartKills } from './restart.js';
import { type BenchContext, check, forEachSubject, type Scenario } from './scenario.js';

const ID = 'events';
const LOGGER = 'busy';
const LISTENER = 'listener';
/** from the logger's go to the first busy kill, so the load is steady when timing starts */
const SETTLE_MS = 1000;
const MiB = 1024 * 1024;
/** the daemon may log `spawned` after the new instance wrote its `up` record */
const REACTION_LOG_WAIT_MS = 2000;

interface Load {
  readonly recordsFile: string;
  readonly fifo: string;
  /** the listener's "<events> <payload bytes>"; null for the floor (no listener) */
  readonly countsFile: string | null;
  /** the daemon's main log; null for the floor (no daemon) */
  readonly mainLog: string | null;
  readonly daemonPids: () => number[];
}

interface Counts {
  readonly events: number;
  readonly bytes: number;
}

const readCounts = (path: string | null): Counts | null => {
  if (path === null) {
    return null;
  }
  try {
    const [events, bytes] = readFileSync(path, 'utf8').trim().split(' ').map(Number);
    return events === undefined || bytes === undefined ? null : { events, bytes };
  } catch {
    return null;
  }
};

const sumOrNull = (values: readonly (number | null)[]): number | null =>
  values.length === 0 || values.some((v) => v === null)
    ? null
    : values.reduce<number>((a, b) => a + (b ?? 0), 0);

interface Snapshot {
  readonly atMs: number;
  readonly written: number | null;
  readonly counts: Counts | null;
  readonly cpu: number | null;
}

const snapshot = (load: Load, loggerPid: number): Snapshot => ({
  atMs: performance.now(),
  written: writtenBytes(loggerPid),
  counts: readCounts(load.countsFile),
  cpu: sumOrNull(load.daemonPids().map(cpuSeconds)),
});

const findRecord = (recordsFile: string, event: string) =>
  readRecords(recordsFile).find((r) => r.event === event && r.name === LOGGER) ?? null;

const measure = async (
  ctx: BenchContext,
  subject: SubjectId,
  run: number,
  load: Load,
): Promise<void> => {
  const names = idleNames(PROGRAMS);
  const kills = restartKills(ctx);
  const scope = { scenario: ID, subject };
  const { mainLog } = load;
  const reactionsSoFar = (): number[] => (mainLog === null ? [] : reactionTimes(mainLog, names));
  /** records the daemon's reactions to the phase's kills: those after the first `from` */
  const recordReactions = async (metric: string, from: number): Promise<void> => {
    if (mainLog === null) {
      return;
    }
    const all = await waitFor(
      'the exit → spawned lines in the main log',
      () => {
        const found = reactionsSoFar();
        return found.length >= from + kills ? found : null;
      },
      REACTION_LOG_WAIT_MS,
    ).catch(reactionsSoFar);
    const reactions = all.slice(from);
    if (
      check(
        ctx,
        scope,
        reactions.length === kills,
        `${reactions.length} exit → spawned pairs in the main log for ${kills} kills (${metric})`,
      )
    ) {
      ctx.results.record(metric, subject, run, reactions);
    }
  };
  await awaitAllUp(load.recordsFile, names, 30_000);
  await waitFor('the logger to be armed', () => findRecord(load.recordsFile, 'armed'), 30_000);
  const quietFrom = reactionsSoFar().length;
  ctx.results.record(
    'events.quiet',
    subject,
    run,
    await killAndTime(load.recordsFile, names, kills),
  );
  await recordReactions('events.reaction.quiet', quietFrom);

  await writeFile(load.fifo, 'go\n');
  const go = await waitFor('the logger to go', () => findRecord(load.recordsFile, 'go'), 10_000);
  await sleep(SETTLE_MS);
  const busyFrom = reactionsSoFar().length;
  const before = snapshot(load, go.pid);
  const busy = await killAndTime(load.recordsFile, names, kills);
  const after = snapshot(load, go.pid);
  ctx.results.record('events.busy', subject, run, busy);
  await recordReactions('events.reaction.busy', busyFrom);

  const seconds = (after.atMs - before.atMs) / 1000;
  if (
    check(ctx, scope, isAlive(go.pid), 'the busy logger stopped') &&
    after.written !== null &&
    before.written !== null
  ) {
    ctx.results.record('events.logger.mibps', subject, run, [
      (after.written - before.written) / MiB / seconds,
    ]);
  }
  if (load.countsFile !== null) {
    const received = after.counts?.events ?? 0;
    if (
      check(ctx, scope, received >= 1, `the listener acknowledged ${received} PROCESS_LOG events`)
    ) {
      const events = received - (before.counts?.events ?? 0);
      const bytes = (after.counts?.bytes ?? 0) - (before.counts?.bytes ?? 0);
      ctx.results.record('events.acked', subject, run, [events]);
      ctx.results.record('events.ackedps', subject, run, [events / seconds]);
      ctx.results.record('events.payload.mibps', subject, run, [bytes / MiB / seconds]);
    }
  }
  const pids = load.daemonPids();
  if (
    pids.length > 0 &&
    check(ctx, scope, pids.every(isAlive), 'the daemon died under the busy logger') &&
    after.cpu !== null &&
    before.cpu !== null
  ) {
    ctx.results.record('events.cpu', subject, run, [(after.cpu - before.cpu) / seconds]);
    const rss = sumOrNull(pids.map(rssMiB));
    if (rss !== null) {
      ctx.results.record('events.rss', subject, run, [rss]);
    }
  }
};

export const eventsScenario: Scenario = {
  id: ID,
  title: 'restart after SIGKILL with a busy events-enabled logger',
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: ID,
      order,
      body: async (subject) => {
        if (subject.id === 'pm2') {
          throw new Unsupported('PM2 has no event listeners (no PROCESS_LOG events)');
        }
        const dir = ctx.newDir(`${ID}-${subject.id}`);
        const fifo = join(dir, 'go.fifo');
        const countsFile = join(dir, 'events.txt');
        const programs: ProgramSpec[] = [
          ...idlePrograms(PROGRAMS),
          { kind: 'logger', name: LOGGER, logFile: join(dir, 'logs', 'busy.log'), fifo },
          { kind: 'listener', name: LISTENER, countsFile, stderrFile: join(dir, 'listener.err') },
        ];
        const workload = { programs, recordsFile: join(dir, 'records.txt') };
        const launched = await subject.launch(workload, dir);
        try {
          await launched.waitRunning(programs.length, 30_000);
          await measure(ctx, subject.id, run, {
            recordsFile: workload.recordsFile,
            fifo,
            countsFile,
            mainLog: launched.mainLog,
            daemonPids: () => launched.daemonPids(),
          });
        } finally {
          await launched.close();
        }
      },
      floor: async () => {
        const dir = ctx.newDir(`${ID}-floor`);
        const recordsFile = join(dir, 'records.txt');
        const fifo = join(dir, 'go.fifo');
        await runChecked('mkfifo', [fifo]);
        restartLoops(ctx.scripts, recordsFile, idleNames(PROGRAMS));
        spawn(
          'bash',
          [
            '-c',
            '"$0" "$1" "$2" "$3" | cat > /dev/null',
            ctx.scripts.logger,
            recordsFile,
            LOGGER,
            fifo,
          ],
          { detached: true, stdio: 'ignore' },
        ).unref();
        try {
          await measure(ctx, 'floor', run, {
            recordsFile,
            fifo,
            countsFile: null,
            mainLog: null,
            daemonPids: () => [],
          });
        } finally {
          ctx.reap(dir);
        }
      },
    }),
};
