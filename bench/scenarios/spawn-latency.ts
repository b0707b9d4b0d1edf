// Scenario: is the API answered while the daemon spawns 1000 processes? One program with
// numprocs=1000 (`sleep 3600`, autostart, startsecs=1, no log files). From the daemon's launch
// until its main log says all 1000 are RUNNING, getState is asked every 50 ms (5 s timeout,
// state-prober.ts; probes count from the first one answered, or any that timed out before it),
// so a daemon that stalls while spawning shows it as one long answer or a timeout. Recorded:
// launch → all spawned and → all RUNNING, launch → the first answer, getState's latency and the
// unanswered share, and how late each startsecs promotion came (RUNNING − spawned − 1 s), all
// from the daemon's own log stamps.

import { join } from 'node:path';

import { withDeadline } from '../clock.js';
import { runningLines, spawnedLines } from '../subjects/log-watch.js';
import { startStateProber, summarizeProbes } from '../subjects/state-prober.js';
import type { LaunchedSupervisor } from '../subjects/subject.js';
import { Unsupported } from '../subjects/subject.js';
import { type BenchContext, check, forEachSubject, type Scenario } from './scenario.js';

const ID = 'spawn-latency';
const COUNT = 1000;
const STARTSECS_MS = 1000;
/** the whole mass spawn, at most (supervisord promotes on its 1 s tick) */
const DEADLINE_MS = 120_000;

const measure = async (
  ctx: BenchContext,
  launched: LaunchedSupervisor,
  run: number,
): Promise<void> => {
  const subject = launched.id;
  const scope = { scenario: ID, subject };
  const { mainLog, rpcSocket } = launched;
  if (mainLog === null || rpcSocket === null) {
    throw new Error('no main log or RPC socket');
  }
  const prober = startStateProber(rpcSocket);
  let allRunningAt: number | null = null;
  try {
    allRunningAt = await withDeadline(
      launched.waitRunning(COUNT, DEADLINE_MS),
      DEADLINE_MS + 5_000,
      `${COUNT} processes RUNNING`,
    );
  } catch (error) {
    check(ctx, scope, false, error instanceof Error ? error.message : String(error));
  } finally {
    await prober.stop();
  }
  const probes = summarizeProbes(prober.probes);
  if (check(ctx, scope, probes.counted > 0, 'no getState probe was answered during the spawn')) {
    ctx.results.record('spawnlat.rpc', subject, run, probes.latencies);
    ctx.results.record('spawnlat.rpc.unanswered', subject, run, [
      (100 * probes.unanswered) / probes.counted,
    ]);
    ctx.log(
      `  ${subject}: ${probes.counted} probes, ${probes.unanswered} unanswered, ` +
        `slowest ${Math.max(...probes.latencies).toFixed(0)} ms`,
    );
  }
  if (probes.firstAnswerAtMs !== null) {
    ctx.results.record('spawnlat.firstAnswer', subject, run, [
      (probes.firstAnswerAtMs - launched.launchedAtMs) / 1000,
    ]);
  }
  if (allRunningAt !== null) {
    ctx.results.record('spawnlat.running', subject, run, [
      (allRunningAt - launched.launchedAtMs) / 1000,
    ]);
  }
  const spawned = new Map(spawnedLines(mainLog).map((l) => [l.name, l.atMs]));
  if (check(ctx, scope, spawned.size === COUNT, `${spawned.size}/${COUNT} spawned in the log`)) {
    const last = Math.max(...spawned.values());
    ctx.results.record('spawnlat.spawned', subject, run, [(last - launched.launchedAtMs) / 1000]);
  }
  const late = runningLines(mainLog).flatMap(({ name, atMs }) => {
    const at = spawned.get(name);
    return at === undefined ? [] : [Math.max(0, atMs - at - STARTSECS_MS)];
  });
  ctx.results.record('spawnlat.late', subject, run, late);
};

export const spawnLatencyScenario: Scenario = {
  id: ID,
  title: `getState while ${COUNT} processes spawn (numprocs)`,
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: ID,
      order,
      body: async (subject) => {
        if (subject.id === 'pm2') {
          throw new Unsupported('PM2 has no numprocs (nor getState); its spawn is timed in spawn');
        }
        const dir = ctx.newDir(`${ID}-${subject.id}`);
        const workload = {
          programs: [{ kind: 'crowd' as const, name: 'crowd', numprocs: COUNT }],
          recordsFile: join(dir, 'records.txt'),
        };
        const launched = await subject.launch(workload, dir);
        try {
          await measure(ctx, launched, run);
        } finally {
          await launched.close();
        }
      },
      floor: null,
    }),
};
