// Scenario: the restart storm of issue 9. 50 programs `sleep 0.05` with autorestart=true,
// startsecs=0 and no log files, for 20 s (quick) or 60 s. Every second the daemon's fds, RSS and
// CPU are sampled; getState is asked every 50 ms throughout (5 s timeout; state-prober.ts); at the end
// the daemon gets SIGTERM and has 10 s to exit before it is killed. Spawns are counted as the
// new children seen in /proc every 20 ms (child-counter.ts: the same for both daemons, and
// right even when a daemon's log falls behind), and, on their own row, as the `spawned:` lines
// of its main log by the daemon's own stamps. Figures are taken after the first 10 s:
// spawns/s, CPU per spawn, fd min/max, RSS then vs at the end. The floor is the same storm with
// no supervisor (Python Popen, Python posix_spawn, Node spawn: spawn-floor.ts), for CPU per
// spawn. A stalled daemon cannot stall the bench: every wait has a deadline and the daemon, its
// children and their process groups are SIGKILLed at the end whatever happened.

import { join } from 'node:path';

import { sleep, waitFor, wallMs, withDeadline } from '../clock.js';
import {
  runSpawnFloor,
  SPAWN_FLOOR_MODES,
  type FloorStat,
  type SpawnFloorMode,
} from '../floor/spawn-floor.js';
import { type ChildCounter, startChildCounter } from '../proc/child-counter.js';
import { type ProcSample, startProcSampler } from '../proc/proc-sampler.js';
import { isAlive } from '../proc/proc-stats.js';
import { spawnErrorLines, spawnedLines } from '../subjects/log-watch.js';
import { PROBE_DEFAULTS, startStateProber, summarizeProbes } from '../subjects/state-prober.js';
import type { LaunchedSupervisor, SubjectId } from '../subjects/subject.js';
import { Unsupported } from '../subjects/subject.js';
import { stormPrograms } from '../subjects/workload-spec.js';
import { type BenchContext, check, forEachSubject, type Scenario } from './scenario.js';

const ID = 'storm';
const PROGRAMS = 50;
/** figures are taken after this much of the storm (the "after the first 10 s") */
const WARMUP_MS = 10_000;
/** from SIGTERM to exit, at most; then SIGKILL */
export const SIGTERM_WAIT_MS = 10_000;
const SAMPLE_EVERY_MS = 1000;
const CHILDREN_EVERY_MS = 20;

export const stormSeconds = (ctx: BenchContext): number => (ctx.quick ? 20 : 60);

export const PM2_STORM_REASON =
  'PM2 stops an app that exits within min_uptime (1 s) after max_restarts (15) restarts, so a ' +
  '50 ms program is not restarted for long; and it has no getState to probe';

interface StormRun {
  readonly samples: readonly ProcSample[];
  /** ms from SIGTERM to exit; null when it had not exited after SIGTERM_WAIT_MS */
  readonly sigtermMs: number | null;
  readonly diedEarly: boolean;
}

const liveSamples = (samples: readonly ProcSample[]): ProcSample[] =>
  samples.filter((s) => s.cpuS !== null);

/** The measured window: the first sample after the warm-up to the last live one. */
const windowOf = (
  samples: readonly ProcSample[],
  startMs: number,
): { readonly from: ProcSample; readonly to: ProcSample; readonly inside: ProcSample[] } | null => {
  const live = liveSamples(samples);
  const inside = live.filter((s) => s.atMs >= startMs + WARMUP_MS);
  const from = inside[0];
  const to = inside[inside.length - 1];
  return from === undefined || to === undefined || to === from ? null : { from, to, inside };
};

const minMax = (values: readonly (number | null)[]): [number, number] | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : [Math.min(...known), Math.max(...known)];
};

/** Records fds and RSS over the window (shared by the daemons and the Popen floor). */
const recordFootprint = (
  ctx: BenchContext,
  subject: SubjectId,
  run: number,
  window: NonNullable<ReturnType<typeof windowOf>>,
): void => {
  const fds = minMax(window.inside.map((s) => s.fds));
  if (fds !== null) {
    ctx.results.record('storm.fd.min', subject, run, [fds[0]]);
    ctx.results.record('storm.fd.max', subject, run, [fds[1]]);
  }
  if (window.from.rssMiB !== null && window.to.rssMiB !== null) {
    ctx.results.record('storm.rss.warm', subject, run, [window.from.rssMiB]);
    ctx.results.record('storm.rss.end', subject, run, [window.to.rssMiB]);
  }
};

/** One line per sample for the terminal: what the storm looked like second by second. */
interface Series {
  readonly label: string;
  readonly samples: readonly ProcSample[];
  readonly spawnsBetween: (fromMs: number, toMs: number) => number;
  readonly loggedBetween: (fromMs: number, toMs: number) => number;
  readonly startMs: number;
}

const logSeries = (
  ctx: BenchContext,
  { label, samples, spawnsBetween, loggedBetween, startMs }: Series,
): void => {
  const live = liveSamples(samples);
  const rows = live.slice(1).map((s, i) => {
    const prev = live[i] ?? s;
    const dt = (s.atMs - prev.atMs) / 1000;
    const cpu = ((s.cpuS ?? 0) - (prev.cpuS ?? 0)) / dt;
    return (
      `${((s.atMs - startMs) / 1000).toFixed(0).padStart(3)}s ` +
      `spawns/s ${(spawnsBetween(prev.atMs, s.atMs) / dt).toFixed(0).padStart(4)} ` +
      `(logged ${(loggedBetween(prev.atMs, s.atMs) / dt).toFixed(0).padStart(4)}) ` +
      `fds ${String(s.fds ?? '-').padStart(5)} rss ${(s.rssMiB ?? 0).toFixed(0).padStart(4)} MiB ` +
      `cpu ${(cpu * 100).toFixed(0).padStart(3)}%`
    );
  });
  ctx.log(`  ${label}:\n    ${rows.join('\n    ')}`);
};

const storm = async (
  ctx: BenchContext,
  launched: LaunchedSupervisor,
  pid: number,
  stop: {
    readonly sampling: () => readonly ProcSample[];
    readonly probing: () => Promise<unknown>;
    /** true once the bench gave up on this run (the pid may be reaped and reused) */
    readonly abandoned: () => boolean;
  },
): Promise<StormRun> => {
  await sleep(Math.max(0, launched.launchedAtMs + stormSeconds(ctx) * 1000 - wallMs()));
  const samples = stop.sampling();
  await stop.probing();
  const diedEarly = !isAlive(pid);
  if (diedEarly || stop.abandoned()) {
    return { samples, sigtermMs: null, diedEarly };
  }
  const termAt = performance.now();
  process.kill(pid, 'SIGTERM');
  const sigtermMs = await waitFor(
    'the daemon to exit after SIGTERM',
    () => (isAlive(pid) ? null : performance.now() - termAt),
    SIGTERM_WAIT_MS,
    5,
  ).catch(() => null);
  return { samples, sigtermMs, diedEarly };
};

const measureDaemon = async (
  ctx: BenchContext,
  launched: LaunchedSupervisor,
  run: number,
): Promise<void> => {
  const subject = launched.id;
  const scope = { scenario: ID, subject };
  const pid = launched.daemonPids()[0];
  const { mainLog, rpcSocket } = launched;
  if (pid === undefined || mainLog === null || rpcSocket === null) {
    throw new Error('no daemon pid, main log or RPC socket');
  }
  const prober = startStateProber(rpcSocket);
  const sampler = startProcSampler(pid, SAMPLE_EVERY_MS, wallMs);
  const children: ChildCounter = startChildCounter(pid, CHILDREN_EVERY_MS, wallMs);
  let result: StormRun;
  let abandoned = false;
  try {
    result = await withDeadline(
      storm(ctx, launched, pid, {
        sampling: () => {
          children.stop();
          return sampler.stop();
        },
        probing: () => prober.stop(),
        abandoned: () => abandoned,
      }),
      stormSeconds(ctx) * 1000 + PROBE_DEFAULTS.timeoutMs + SIGTERM_WAIT_MS + 15_000,
      'the storm',
    );
  } finally {
    abandoned = true;
    children.stop();
    sampler.stop();
    await prober.stop();
    // SIGKILL for the daemon, its children and their groups, whatever state it is in.
    await launched.close();
  }

  check(ctx, scope, !result.diedEarly, 'the daemon died during the storm');
  if (result.sigtermMs === null) {
    if (!result.diedEarly) {
      check(ctx, scope, false, `SIGTERM not honoured within ${SIGTERM_WAIT_MS / 1000} s: killed`);
      ctx.results.record('storm.sigterm', subject, run, [SIGTERM_WAIT_MS / 1000]);
    }
  } else {
    ctx.results.record('storm.sigterm', subject, run, [result.sigtermMs / 1000]);
  }

  const probes = summarizeProbes(prober.probes);
  if (check(ctx, scope, probes.counted > 0, 'no getState probe was ever answered')) {
    ctx.results.record('storm.rpc', subject, run, probes.latencies);
    ctx.results.record('storm.rpc.unanswered', subject, run, [
      (100 * probes.unanswered) / probes.counted,
    ]);
  }

  recordSpawns(ctx, run, { subject, samples: result.samples, children, mainLog, launched });
};

/** Spawns, CPU per spawn, fds and RSS after the warm-up, and the series for the JSON. */
const recordSpawns = (
  ctx: BenchContext,
  run: number,
  {
    subject,
    samples,
    children,
    mainLog,
    launched,
  }: {
    readonly subject: SubjectId;
    readonly samples: readonly ProcSample[];
    readonly children: ChildCounter;
    readonly mainLog: string;
    readonly launched: LaunchedSupervisor;
  },
): void => {
  const scope = { scenario: ID, subject };
  // The log is read after the daemon is gone: lines it wrote late still carry their own stamps.
  const logged = spawnedLines(mainLog).map((l) => l.atMs);
  const loggedBetween = (fromMs: number, toMs: number): number =>
    logged.filter((at) => at >= fromMs && at < toMs).length;
  const spawnsBetween = (fromMs: number, toMs: number): number => children.between(fromMs, toMs);
  const errors = spawnErrorLines(mainLog);
  check(
    ctx,
    scope,
    errors.length === 0,
    `${errors.length} spawn errors in the main log (first: ${errors[0]?.text ?? ''})`,
  );
  logSeries(ctx, {
    label: subject,
    samples,
    spawnsBetween,
    loggedBetween,
    startMs: launched.launchedAtMs,
  });
  const live = liveSamples(samples);
  ctx.results.record(
    'storm.series.spawns',
    subject,
    run,
    live.slice(1).map((s, i) => spawnsBetween(live[i]?.atMs ?? s.atMs, s.atMs)),
  );
  ctx.results.record(
    'storm.series.fds',
    subject,
    run,
    live.map((s) => s.fds ?? Number.NaN),
  );
  ctx.results.record(
    'storm.series.rss',
    subject,
    run,
    live.map((s) => s.rssMiB ?? Number.NaN),
  );
  const window = windowOf(samples, launched.launchedAtMs);
  if (!check(ctx, scope, window !== null, 'no samples after the first 10 s') || window === null) {
    return;
  }
  recordFootprint(ctx, subject, run, window);
  const seconds = (window.to.atMs - window.from.atMs) / 1000;
  const spawns = spawnsBetween(window.from.atMs, window.to.atMs);
  const loggedSpawns = loggedBetween(window.from.atMs, window.to.atMs);
  const cpuS = (window.to.cpuS ?? 0) - (window.from.cpuS ?? 0);
  ctx.results.record('storm.spawnps', subject, run, [spawns / seconds]);
  ctx.results.record('storm.spawnps.log', subject, run, [loggedSpawns / seconds]);
  if (Math.abs(loggedSpawns - spawns) > 0.05 * spawns) {
    ctx.results.note(
      ID,
      subject,
      `after the first 10 s: ${spawns} children seen, ${loggedSpawns} \`spawned:\` lines logged`,
    );
  }
  ctx.results.record('storm.cpu', subject, run, [cpuS / seconds]);
  if (check(ctx, scope, spawns > 0, 'no children seen after the first 10 s')) {
    ctx.results.record('storm.cpuPerSpawn', subject, run, [(cpuS * 1000) / spawns]);
  }
};

/** CPU per spawn and spawns/s of a floor loop, from its own reports after the warm-up. */
const floorFigures = (
  stats: readonly FloorStat[],
  startMs: number,
): { readonly cpuPerSpawnMs: number; readonly spawnps: number; readonly cpu: number } | null => {
  const inside = stats.filter((s) => s.atMs >= startMs + WARMUP_MS);
  const from = inside[0];
  const to = inside[inside.length - 1];
  if (from === undefined || to === undefined || to.spawns <= from.spawns) {
    return null;
  }
  const seconds = (to.atMs - from.atMs) / 1000;
  return {
    cpuPerSpawnMs: ((to.cpuS - from.cpuS) * 1000) / (to.spawns - from.spawns),
    spawnps: (to.spawns - from.spawns) / seconds,
    cpu: (to.cpuS - from.cpuS) / seconds,
  };
};

const measureFloor = async (
  ctx: BenchContext,
  run: number,
  mode: SpawnFloorMode,
): Promise<void> => {
  const dir = ctx.newDir(`${ID}-floor-${mode}`);
  try {
    const floor = await runSpawnFloor(dir, mode, PROGRAMS, stormSeconds(ctx));
    const scope = { scenario: ID, subject: 'floor' as const };
    check(ctx, scope, floor.finished, `the ${mode} floor did not finish in time: killed`);
    const figures = floorFigures(floor.stats, floor.startedAtMs);
    if (!check(ctx, scope, figures !== null, `the ${mode} floor reported no spawns`)) {
      return;
    }
    ctx.log(
      `  floor ${mode}: ${figures?.spawnps.toFixed(0)} spawns/s, ` +
        `${figures?.cpuPerSpawnMs.toFixed(3)} ms CPU per spawn, ${((figures?.cpu ?? 0) * 100).toFixed(0)}% CPU`,
    );
    ctx.results.record(`storm.cpuPerSpawn.${mode}`, 'floor', run, [figures?.cpuPerSpawnMs ?? 0]);
    ctx.results.record(`storm.spawnps.${mode}`, 'floor', run, [figures?.spawnps ?? 0]);
    if (mode === 'popen') {
      // Python's Popen stands in the floor column of the storm's rows.
      ctx.results.record('storm.cpuPerSpawn', 'floor', run, [figures?.cpuPerSpawnMs ?? 0]);
      ctx.results.record('storm.spawnps', 'floor', run, [figures?.spawnps ?? 0]);
      ctx.results.record('storm.cpu', 'floor', run, [figures?.cpu ?? 0]);
      const window = windowOf(floor.samples, floor.startedAtMs);
      if (window !== null) {
        recordFootprint(ctx, 'floor', run, window);
      }
    }
  } finally {
    ctx.reap(dir);
  }
};

export const stormScenario: Scenario = {
  id: ID,
  title: `restart storm: ${PROGRAMS} × \`sleep 0.05\`, autorestart`,
  fullRuns: 1,
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: ID,
      order,
      body: async (subject) => {
        if (subject.id === 'pm2') {
          throw new Unsupported(PM2_STORM_REASON);
        }
        const dir = ctx.newDir(`${ID}-${subject.id}`);
        const workload = {
          programs: stormPrograms(PROGRAMS),
          recordsFile: join(dir, 'records.txt'),
        };
        const launched = await subject.launch(workload, dir);
        try {
          await measureDaemon(ctx, launched, run);
        } finally {
          await launched.close();
        }
      },
      floor: async () => {
        for (const mode of SPAWN_FLOOR_MODES) {
          await measureFloor(ctx, run, mode);
        }
      },
    }),
};
