// Scenario: what probes cost. 1000 processes (one program × numprocs, `sleep 3600`), each with
// an http readiness probe (every second until it first passes: the gate to RUNNING) and an http
// liveness probe every second while RUNNING, against one counting server in the bench process:
// once all are up, 1000 liveness probes a second. Recorded: launch → all 1000 ready, the
// daemon's CPU per second over a window once they are settled, the probes answered per second
// in that window, and, for comparison, the CPU per second of the same 1000 processes without
// probes (ours and supervisord, which has none), and the floor's: a bare Node loop sending the
// same GETs at the same rate.

import { join } from 'node:path';

import { sleep } from '../clock.js';
import { probeFloorCpu } from '../floor/probe-floor.js';
import { cpuSeconds } from '../proc/proc-stats.js';
import type { LaunchedSupervisor, SupervisorSubject } from '../subjects/subject.js';
import { Unsupported } from '../subjects/subject.js';
import { startProbeTarget, type ProbeTarget } from '../workload/probe-target.js';
import { type BenchContext, check, forEachSubject, type Scenario } from './scenario.js';

const ID = 'probes';
const COUNT = 1000;
/** once all are RUNNING: one liveness probe per process per second */
const PROBES_PER_SECOND = COUNT;

const timings = (ctx: BenchContext) => ({
  settleMs: ctx.quick ? 5_000 : 10_000,
  windowMs: ctx.quick ? 10_000 : 20_000,
});

const daemonCpu = (launched: LaunchedSupervisor): number | null => {
  const figures = launched.daemonPids().map(cpuSeconds);
  return figures.some((f) => f === null) ? null : figures.reduce<number>((a, b) => a + (b ?? 0), 0);
};

/** Launches `subject` on the 1000 processes (probed when `target` is given) and measures. */
const measure = async (
  ctx: BenchContext,
  subject: SupervisorSubject,
  run: number,
  target: ProbeTarget | null,
): Promise<void> => {
  const label = target === null ? 'base' : 'probed';
  const dir = ctx.newDir(`${ID}-${label}-${subject.id}`);
  const program = {
    kind: 'crowd' as const,
    name: 'crowd',
    numprocs: COUNT,
    ...(target === null ? {} : { probeUrl: target.url }),
  };
  const launched = await subject.launch(
    { programs: [program], recordsFile: join(dir, 'records.txt') },
    dir,
  );
  try {
    const allRunningAt = await launched.waitRunning(COUNT, 120_000);
    if (target !== null) {
      ctx.results.record('probes.ready', subject.id, run, [
        (allRunningAt - launched.launchedAtMs) / 1000,
      ]);
    }
    await launched.ready(20_000);
    const { settleMs, windowMs } = timings(ctx);
    await sleep(settleMs);
    const cpuBefore = daemonCpu(launched);
    const requestsBefore = target?.requests() ?? 0;
    await sleep(windowMs);
    const cpuAfter = daemonCpu(launched);
    const seconds = windowMs / 1000;
    const scope = { scenario: ID, subject: subject.id };
    if (!check(ctx, scope, cpuBefore !== null && cpuAfter !== null, 'the daemon died')) {
      return;
    }
    const cpu = ((cpuAfter ?? 0) - (cpuBefore ?? 0)) / seconds;
    if (target === null) {
      ctx.results.record('probes.base', subject.id, run, [cpu]);
      return;
    }
    const rate = (target.requests() - requestsBefore) / seconds;
    ctx.log(`  ${subject.id}: ${rate.toFixed(0)} probes/s, daemon CPU ${cpu.toFixed(3)} s/s`);
    if (check(ctx, scope, rate >= PROBES_PER_SECOND * 0.9, `only ${rate.toFixed(0)} probes/s`)) {
      ctx.results.record('probes.cpu', subject.id, run, [cpu]);
      ctx.results.record('probes.rate', subject.id, run, [rate]);
    }
  } finally {
    await launched.close();
  }
};

export const probesScenario: Scenario = {
  id: ID,
  title: `${COUNT} processes with an http readiness and liveness probe every second`,
  fullRuns: 1,
  run: async (ctx, run, order) => {
    const target = await startProbeTarget();
    try {
      await forEachSubject(ctx, {
        scenario: ID,
        order,
        body: async (subject) => {
          if (subject.id === 'pm2') {
            throw new Unsupported('PM2 has no probes, nor numprocs');
          }
          if (subject.id === 'tssupervisord') {
            await measure(ctx, subject, run, target);
          }
          await measure(ctx, subject, run, null);
        },
        floor: async () => {
          const { settleMs, windowMs } = timings(ctx);
          const cpu = await probeFloorCpu(target.url, PROBES_PER_SECOND, settleMs, windowMs);
          if (cpu !== null) {
            ctx.results.record('probes.cpu', 'floor', run, [cpu]);
          }
        },
      });
    } finally {
      await target.close();
    }
  },
};
