// Scenario: what an open `tssupervisorctl dashboard` costs. A daemon supervises 100 idle
// programs; once settled, its CPU is taken over a window without a dashboard, then over the same
// window with our dashboard open on it in tmux (a real terminal, 160×48, the log pane following
// the first program): the dashboard's own CPU and the daemon's extra CPU, each per 20 s. Then the
// same for a fleet of three such daemons (`-s web1=… -s web2=… -s web3=…`, one dashboard on all
// three): its own CPU, and the three daemons' extra CPU together. Against supervisord the same
// dashboard polls (it has no tssupervisor.*), which is what users get there.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { sleep } from '../clock.js';
import { cpuSeconds } from '../proc/proc-stats.js';
import { Unsupported, type LaunchedSupervisor } from '../subjects/subject.js';
import { idlePrograms } from '../subjects/workload-spec.js';
import { type BenchContext, check, forEachSubject, type Scenario } from './scenario.js';

const PROGRAMS = 100;
/** The fleet run's daemons, each with PROGRAMS programs. */
const FLEET = 3;

const sumOf = (values: readonly (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);

/** CPU seconds `pids` use over `windowMs`, or null when one of them went away. */
const cpuOver = async (pids: () => number[], windowMs: number): Promise<number | null> => {
  const before = sumOf(pids().map(cpuSeconds));
  await sleep(windowMs);
  const after = sumOf(pids().map(cpuSeconds));
  return before === null || after === null ? null : after - before;
};

interface OpenDashboard {
  readonly pid: number;
  close(): void;
}

/** Our dashboard on the daemons' sockets (several: a fleet) in a tmux server of its own. */
const openDashboard = async (
  ctx: BenchContext,
  sockets: readonly string[],
  label: string,
): Promise<OpenDashboard> => {
  const server = `tss-bench-dash-${process.pid}-${label}`;
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-L', server, ...args], { encoding: 'utf8' });
  const servers =
    sockets.length === 1
      ? `-s unix://${sockets[0] ?? ''}`
      : sockets.map((socket, i) => `-s web${i + 1}=unix://${socket}`).join(' ');
  const command = `exec ${process.execPath} ${ctx.ctlBin} ${servers} dashboard`;
  const shown = `${PROGRAMS * sockets.length} processes`;
  tmux('new-session', '-d', '-s', 'dash', '-x', '160', '-y', '48', '-e', 'LANG=C.UTF-8', command);
  const close = (): void => {
    try {
      tmux('kill-server');
    } catch {
      // gone already
    }
  };
  try {
    const pid = Number(tmux('display-message', '-p', '-t', 'dash', '#{pane_pid}').trim());
    const deadline = Date.now() + 20_000;
    while (!tmux('capture-pane', '-p', '-t', 'dash').includes(shown)) {
      if (Date.now() > deadline) {
        throw new Error(`the dashboard did not show the ${shown} within 20 s`);
      }
      await sleep(100);
    }
    return { pid, close };
  } catch (error) {
    close();
    throw error;
  }
};

/** `metric`: `dash` for one daemon, `dash.fleet` for the fleet (`.own` and `.daemon` after). */
const measure = async (
  ctx: BenchContext,
  run: number,
  fleet: readonly LaunchedSupervisor[],
  metric: string,
): Promise<void> => {
  const [first] = fleet;
  const sockets = fleet.flatMap((launched) =>
    launched.rpcSocket === null ? [] : [launched.rpcSocket],
  );
  if (first === undefined || sockets.length < fleet.length) {
    throw new Unsupported('the dashboard speaks XML-RPC');
  }
  for (const launched of fleet) {
    await launched.waitRunning(PROGRAMS, 60_000);
    await launched.ready(20_000);
  }
  // Past the start-up work (and V8's one-off GC some 30 s after a Node daemon starts).
  await sleep(ctx.quick ? 10_000 : 40_000);
  const windowMs = ctx.quick ? 10_000 : 30_000;
  const per20s = 20_000 / windowMs;
  const daemonPids = () => fleet.flatMap((launched) => launched.daemonPids());
  const alone = await cpuOver(daemonPids, windowMs);
  const dashboard = await openDashboard(ctx, sockets, `${first.id}-${metric}-${run}`);
  try {
    // Its start-up (loading, the first fetches) is not what it costs to keep it open.
    await sleep(3000);
    const [watched, own] = await Promise.all([
      cpuOver(daemonPids, windowMs),
      cpuOver(() => [dashboard.pid], windowMs),
    ]);
    const scenario = { scenario: 'dashboard', subject: first.id };
    if (check(ctx, scenario, alone !== null && watched !== null, 'a daemon went away')) {
      ctx.results.record(`${metric}.daemon`, first.id, run, [
        ((watched ?? 0) - (alone ?? 0)) * per20s,
      ]);
    }
    if (check(ctx, scenario, own !== null, 'the dashboard went away')) {
      ctx.results.record(`${metric}.own`, first.id, run, [(own ?? 0) * per20s]);
    }
  } finally {
    dashboard.close();
  }
};

export const dashboardScenario: Scenario = {
  id: 'dashboard',
  title: `an open dashboard, ${PROGRAMS} programs, then a fleet of ${FLEET} such daemons`,
  fullRuns: 1,
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: 'dashboard',
      order,
      body: async (subject) => {
        if (subject.id === 'pm2') {
          throw new Unsupported('the dashboard speaks XML-RPC');
        }
        const launch = async (label: string): Promise<LaunchedSupervisor> => {
          const dir = ctx.newDir(`dashboard-${subject.id}-${label}`);
          return subject.launch(
            { programs: idlePrograms(PROGRAMS), recordsFile: join(dir, 'records.txt') },
            dir,
          );
        };
        const measureOn = async (labels: readonly string[], metric: string): Promise<void> => {
          const fleet: LaunchedSupervisor[] = [];
          try {
            for (const label of labels) {
              fleet.push(await launch(label));
            }
            await measure(ctx, run, fleet, metric);
          } finally {
            for (const launched of fleet) {
              await launched.close();
            }
          }
        };
        await measureOn(['one'], 'dash');
        await measureOn(
          Array.from({ length: FLEET }, (_, i) => `web${i + 1}`),
          'dash.fleet',
        );
      },
      floor: null,
    }),
};
