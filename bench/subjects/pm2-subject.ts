// PM2 under test: its own PM2_HOME per launch, the CLI to start apps (`pm2 start
// ecosystem.json`) and for `pm2 ls`/`pm2 jlist`, its programmatic client (pm2-probe) for the
// list and stop-all API calls, readiness from pm2.log, pm2-logrotate when a writer is run.

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { wallMs } from '../clock.js';
import type { Pm2Install } from '../deps/pm2.js';
import { reapSync } from '../proc/reaper.js';
import { runChecked, runCommand } from '../proc/run-command.js';
import type { WorkloadScripts } from '../workload/scripts.js';
import { waitForLines } from './log-watch.js';
import { writeEcosystem, writeLogrotateConf } from './pm2-ecosystem.js';
import type { LaunchedSupervisor, ProcessCounts, SupervisorSubject } from './subject.js';
import { Unsupported } from './subject.js';
import type { Workload } from './workload-spec.js';

const ONLINE_LINE = /App \[(?!pm2-logrotate:)\S+:\d+\] online/;

interface ProbeOutput {
  readonly times: number[];
  readonly statuses: string[];
}

const isProbeOutput = (value: unknown): value is ProbeOutput =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as Record<string, unknown>)['times']) &&
  Array.isArray((value as Record<string, unknown>)['statuses']);

const readPid = (path: string): number | null => {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/** pm2-logrotate's copies (`name__YYYY-MM-DD_HH-mm-ss.log`, by name = by time), then the live file. */
const rotatedByPm2 = (logFile: string): string[] => {
  const dir = dirname(logFile);
  const stem = basename(logFile).replace(/\.log$/, '');
  const copies = readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}__`))
    .sort()
    .map((f) => join(dir, f));
  return [...copies, logFile];
};

export const pm2Subject = (
  install: Pm2Install,
  scripts: WorkloadScripts,
  probeScript: string,
): SupervisorSubject => ({
  id: 'pm2',
  version: install.version,
  launch: async (workload: Workload, dir: string): Promise<LaunchedSupervisor> => {
    const home = join(dir, 'pm2');
    mkdirSync(home, { recursive: true });
    const env = { ...process.env, PM2_HOME: home };
    const pm2 = (args: readonly string[], cwd = dir): ReturnType<typeof runCommand> =>
      runCommand(process.execPath, [install.cli, ...args], { env, cwd, timeoutMs: 300_000 });
    const hasWriter = workload.programs.some((p) => p.kind === 'writer');
    for (const program of workload.programs) {
      if (program.kind === 'writer') {
        mkdirSync(dirname(program.logFile), { recursive: true });
        await runChecked('mkfifo', [program.fifo]);
      }
    }
    if (hasWriter) {
      writeLogrotateConf(home);
      const installed = await pm2(['install', '.'], install.logrotateDir);
      if (installed.code !== 0) {
        throw new Error(`pm2 install pm2-logrotate failed: ${installed.stderr}${installed.stdout}`);
      }
    }
    const ecosystem = writeEcosystem(workload, scripts, dir);
    const launchedAtMs = wallMs();
    // Not awaited here: the programs come up (and are watched for) while the CLI still runs.
    const started = pm2(workload.programs.length === 0 ? ['ping'] : ['start', ecosystem]).then(
      (result) => {
        if (result.code !== 0) {
          throw new Error(`pm2 start failed: ${result.stderr}${result.stdout}`);
        }
      },
    );
    started.catch(() => undefined);

    const probe = async (args: readonly string[]): Promise<ProbeOutput> => {
      const result = await runCommand(
        process.execPath,
        [probeScript, install.packageDir, ...args],
        { env, cwd: dir, timeoutMs: 300_000 },
      );
      const parsed: unknown = result.code === 0 ? JSON.parse(result.stdout) : null;
      if (!isProbeOutput(parsed)) {
        throw new Error(`pm2 probe ${args.join(' ')} failed: ${result.stderr}`);
      }
      return parsed;
    };
    const countsOf = (statuses: readonly string[]): ProcessCounts => ({
      total: statuses.length,
      running: statuses.filter((s) => s === 'online').length,
      stopped: statuses.filter((s) => s === 'stopped').length,
    });
    const daemonPids = (): number[] => {
      const pids = [readPid(join(home, 'pm2.pid'))];
      const pidDir = join(home, 'pids');
      if (existsSync(pidDir)) {
        for (const file of readdirSync(pidDir).filter((f) => f.startsWith('pm2-logrotate'))) {
          pids.push(readPid(join(pidDir, file)));
        }
      }
      return pids.filter((p): p is number => p !== null);
    };

    return {
      id: 'pm2',
      dir,
      launchedAtMs,
      notes: [],
      mainLog: null,
      rpcSocket: null,
      daemonPids,
      ready: async () => {
        await started;
      },
      waitRunning: async (count, timeoutMs) => {
        const at = await Promise.race([
          waitForLines({ path: join(home, 'pm2.log'), pattern: ONLINE_LINE, count, timeoutMs }),
          started.then(() => new Promise<never>(() => undefined)),
        ]);
        await started;
        return at;
      },
      counts: async () => countsOf((await probe(['list', '1', '0'])).statuses),
      timeListing: async (calls, budgetMs) =>
        (await probe(['list', String(calls), String(budgetMs)])).times,
      timeRawListing: () => Promise.reject(new Unsupported('PM2 has no undecoded list call')),
      ctlStatus: async (variant) => {
        const result = await pm2([variant === 'status' ? 'ls' : 'jlist']);
        if (result.code !== 0) {
          throw new Error(`pm2 ${variant} failed: ${result.stderr}`);
        }
        const lines =
          variant === 'jlist'
            ? (JSON.parse(result.stdout) as unknown[]).length
            : result.stdout.split('\n').filter((l) => l.includes('│')).length;
        return { ms: result.ms, lines, command: variant === 'status' ? 'pm2 ls' : 'pm2 jlist' };
      },
      stopAll: async () => {
        const output = await probe(['stop']);
        return output.times[0] ?? Number.NaN;
      },
      writerLogFiles: rotatedByPm2,
      close: async () => {
        reapSync(dir, daemonPids());
        await started.catch(() => undefined);
      },
    };
  },
});
