// Runs the built daemon (bin/tssupervisord, foreground) on a config written into a temp dir, and
// gives tests its output, its main log and a guaranteed cleanup (daemon and children killed).

import { type ChildProcess, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { isAlive } from './processes.js';
import { makeTempDir, type TempDir } from './temp-dir.js';
import { waitFor } from './wait-for.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DAEMON_BIN = `${REPO_ROOT}bin/tssupervisord`;
export const CTL_BIN = `${REPO_ROOT}bin/tssupervisorctl`;
export const PROGRAMS = `${REPO_ROOT}test/fixtures/programs`;

export interface RunningDaemon {
  readonly dir: TempDir;
  readonly configPath: string;
  readonly process: ChildProcess;
  readonly pid: number;
  /** stdout + stderr of the daemon so far */
  output(): string;
  /** the main log file so far ('' if missing) */
  mainLog(): string;
  waitForLog(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** resolves with the exit code (or signal name) */
  exited(): Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export interface DaemonOptions {
  /** extra args after `-n -c <config>` */
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** files to write into the temp dir before the daemon starts (relative path → content) */
  readonly files?: Readonly<Record<string, string>>;
  /** run in this temp dir instead of a fresh one (a restart in place: same pidfile and logs) */
  readonly dir?: TempDir;
  /** a command the daemon runs under, e.g. `unshare --pid --fork` (then `pid` is the wrapper's) */
  readonly wrapper?: readonly string[];
  /** the daemon's command instead of bin/tssupervisord, e.g. one an installed package put on PATH */
  readonly bin?: string;
}

/** Header sections every test config needs; `%(here)s` is the temp dir. */
export const baseConfig = (extra = ''): string => `[supervisord]
logfile=%(here)s/supervisord.log
pidfile=%(here)s/supervisord.pid
childlogdir=%(here)s
loglevel=debug

[unix_http_server]
file=%(here)s/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://%(here)s/supervisor.sock
${extra}`;

/** A [program:x] running forever.mjs, RUNNING at once; `extra` adds options. */
export const foreverProgram = (name: string, extra = ''): string => `
[program:${name}]
command=${process.execPath} ${PROGRAMS}/forever.mjs
startsecs=0
${extra}`;

/** Runs bin/tssupervisord with `args` to the end (a refused start, the config check). */
export const runDaemonCommand = (args: readonly string[], cwd: string): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [DAEMON_BIN, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });

export const startDaemon = (config: string, options: DaemonOptions = {}): RunningDaemon => {
  const dir = options.dir ?? makeTempDir();
  const configPath = dir.join('supervisord.conf');
  writeFileSync(configPath, config);
  for (const [name, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(dir.join(name)), { recursive: true });
    writeFileSync(dir.join(name), content);
  }
  const [command, ...wrapperArgs] = [...(options.wrapper ?? []), process.execPath];
  const child = spawn(
    command,
    [...wrapperArgs, options.bin ?? DAEMON_BIN, '-n', '-c', configPath, ...(options.args ?? [])],
    {
      cwd: dir.path,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exit = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error('could not spawn the daemon');
  }
  const mainLog = (): string => {
    try {
      return readFileSync(dir.join('supervisord.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const daemon: RunningDaemon = {
    dir,
    configPath,
    process: child,
    pid,
    output: () => out,
    mainLog,
    waitForLog: (pattern, timeoutMs = 10_000) =>
      waitFor(
        () => {
          const log = mainLog();
          return (typeof pattern === 'string' ? log.includes(pattern) : pattern.test(log)) && log;
        },
        {
          timeoutMs,
          what: `main log to show ${String(pattern)}\n--- log:\n${mainLog()}\n--- output:\n${out}`,
        },
      ),
    exited: () => exit,
    stop: async (signal = 'SIGTERM') => {
      if (isAlive(pid)) {
        child.kill(signal);
      }
      return exit;
    },
  };
  return daemon;
};

/** Pids the daemon reported spawning (`spawned: 'x' with pid N`). */
export const spawnedPids = (log: string): number[] =>
  [...log.matchAll(/spawned: '[^']*' with pid (\d+)/g)].map((m) => Number(m[1]));

/**
 * For afterEach: make sure nothing a test started survives it — the daemon, and the process
 * group of every child it spawned (children run in their own groups).
 */
export const killDaemon = async (daemon: RunningDaemon | undefined): Promise<void> => {
  if (daemon === undefined) {
    return;
  }
  if (isAlive(daemon.pid)) {
    daemon.process.kill('SIGKILL');
    await daemon.exited();
  }
  for (const pid of spawnedPids(daemon.mainLog() + daemon.output())) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // group already gone
    }
  }
  daemon.dir.remove();
};
