// tssupervisord and the real supervisord, run the same way: the same generated supervisord.conf,
// `-n` in the foreground as a child of the bench, readiness from the main log, the same XML-RPC
// client for the API, and each one's own ctl for `status`.

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { sleep, wallMs } from '../clock.js';
import { isAlive } from '../proc/proc-stats.js';
import { reapSync } from '../proc/reaper.js';
import { runChecked, runCommand } from '../proc/run-command.js';
import type { WorkloadScripts } from '../workload/scripts.js';
import { waitForLines } from './log-watch.js';
import type { CtlTiming, LaunchedSupervisor, SupervisorSubject } from './subject.js';
import { Unsupported } from './subject.js';
import { connectRpc, countStates, type SupervisorRpc } from './supervisor-rpc.js';
import { rawRpc } from './raw-rpc.js';
import { supervisorIni } from './supervisor-ini.js';
import type { Workload } from './workload-spec.js';
import { programArgv } from './workload-spec.js';

export interface DaemonCommands {
  readonly id: 'tssupervisord' | 'supervisord';
  readonly version: string;
  readonly daemon: (conf: string) => readonly string[];
  /** the ctl to time `status` with; `fallback` is tried when it fails (our ctl not ready) */
  readonly ctl: (conf: string) => readonly string[];
  readonly ctlFallback: ((conf: string) => readonly string[]) | null;
  /** stop with SIGTERM and wait (e.g. so --cpu-prof writes its profile) before reaping */
  readonly gracefulClose: boolean;
}

const RUNNING_LINE = /success: \S+ entered RUNNING state/;

const rotatedFiles = (logFile: string, backups: number): string[] => {
  const files: string[] = [];
  for (let i = backups; i >= 1; i--) {
    files.push(`${logFile}.${i}`);
  }
  files.push(logFile);
  return files;
};

export const supervisordFamily = (
  commands: DaemonCommands,
  scripts: WorkloadScripts,
): SupervisorSubject => ({
  id: commands.id,
  version: commands.version,
  launch: async (workload: Workload, dir: string): Promise<LaunchedSupervisor> => {
    mkdirSync(dir, { recursive: true });
    const paths = {
      dir,
      socket: join(dir, 'supervisor.sock'),
      mainLog: join(dir, 'main.log'),
      pidFile: join(dir, 'daemon.pid'),
      ...(workload.httpPort === undefined ? {} : { httpPort: workload.httpPort }),
    };
    const conf = join(dir, 'supervisord.conf');
    writeFileSync(
      conf,
      supervisorIni(paths, workload.programs, (p) => programArgv(p, scripts, workload.recordsFile)),
    );
    for (const program of workload.programs) {
      if (program.kind === 'writer' || program.kind === 'logger') {
        mkdirSync(dirname(program.logFile), { recursive: true });
        await runChecked('mkfifo', [program.fifo]);
      }
    }
    const [command, ...args] = commands.daemon(conf);
    if (command === undefined) {
      throw new Error('empty daemon command');
    }
    const out = openSync(join(dir, 'daemon.out'), 'a');
    const launchedAtMs = wallMs();
    // The daemon's environment names its dir, and its children inherit it: the reaper finds
    // them even when their command line does not (`sleep 0.05`).
    const child = spawn(command, args, {
      cwd: dir,
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, TSSBENCH_DIR: dir },
    });
    closeSync(out);
    const pid = child.pid;
    if (pid === undefined) {
      throw new Error(`could not spawn ${command}`);
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let rpc: SupervisorRpc | null = null;
    const api = async (): Promise<SupervisorRpc> => {
      rpc ??= await connectRpc(paths.socket, 20_000);
      return rpc;
    };
    const notes: string[] = [];
    let ctlCommand = commands.ctl;

    const ctlStatus = async (variant: 'status' | 'jlist'): Promise<CtlTiming> => {
      if (variant === 'jlist') {
        throw new Unsupported('jlist is PM2 only');
      }
      const run = async (argvOf: (conf: string) => readonly string[]): Promise<CtlTiming> => {
        const [ctl, ...ctlArgs] = [...argvOf(conf), 'status'];
        const label = [ctl, ...ctlArgs]
          .filter((arg) => arg !== process.execPath && !arg.endsWith('.conf') && arg !== '-c')
          .map((arg) => basename(arg))
          .join(' ');
        const result = await runCommand(ctl, ctlArgs, { cwd: dir, timeoutMs: 60_000 });
        const lines = result.stdout.split('\n').filter((l) => l.trim() !== '').length;
        if ((result.code !== 0 && result.code !== 3) || lines === 0) {
          throw new Error(`${ctl} status failed (${result.code}): ${result.stderr.slice(0, 300)}`);
        }
        return { ms: result.ms, lines, command: label };
      };
      try {
        return await run(ctlCommand);
      } catch (error) {
        if (commands.ctlFallback === null || ctlCommand === commands.ctlFallback) {
          throw error;
        }
        notes.push(
          `its own ctl failed (${String(error).slice(0, 200)}); timed the real supervisorctl instead`,
        );
        ctlCommand = commands.ctlFallback;
        return run(ctlCommand);
      }
    };

    return {
      id: commands.id,
      dir,
      launchedAtMs,
      notes,
      mainLog: paths.mainLog,
      rpcSocket: paths.socket,
      daemonPids: () => [pid],
      ready: async (timeoutMs) => {
        rpc ??= await connectRpc(paths.socket, timeoutMs);
      },
      waitRunning: (count, timeoutMs) =>
        waitForLines({ path: paths.mainLog, pattern: RUNNING_LINE, count, timeoutMs }),
      counts: async () => {
        const r = await api();
        r.require('supervisor.getAllProcessInfo');
        return countStates(await r.client.call('supervisor.getAllProcessInfo'));
      },
      timeListing: async (calls, budgetMs) => {
        const r = await api();
        r.require('supervisor.getAllProcessInfo');
        const times: number[] = [];
        const until = performance.now() + budgetMs;
        while (times.length < calls && (times.length < 3 || performance.now() < until)) {
          const t0 = performance.now();
          await r.client.call('supervisor.getAllProcessInfo');
          times.push(performance.now() - t0);
        }
        return times;
      },
      timeRawListing: async (calls, budgetMs) => {
        (await api()).require('supervisor.getAllProcessInfo');
        const raw = rawRpc(paths.socket);
        try {
          const times: number[] = [];
          const until = performance.now() + budgetMs;
          while (times.length < calls && (times.length < 3 || performance.now() < until)) {
            times.push((await raw.time('supervisor.getAllProcessInfo')).ms);
          }
          return times;
        } finally {
          raw.close();
        }
      },
      ctlStatus,
      stopAll: async () => {
        const r = await api();
        r.require('supervisor.stopAllProcesses');
        const t0 = performance.now();
        await r.client.call('supervisor.stopAllProcesses', [true]);
        return performance.now() - t0;
      },
      writerLogFiles: (logFile) => rotatedFiles(logFile, 10),
      close: async () => {
        if (rpc !== null) {
          rpc.client.close();
        }
        if (commands.gracefulClose && isAlive(pid)) {
          process.kill(pid, 'SIGTERM');
          await Promise.race([exited, sleep(20_000)]);
        }
        reapSync(dir, [pid]);
      },
    };
  },
});
