// Two daemons on the same config, each in its own temp dir: ours (bin/tssupervisord) and the
// reference (/usr/bin/supervisord 4.2.5), both in the foreground, plus an in-process RPC client
// per daemon for waiting on conditions. Cleanup stops both and every child they spawned.

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

import { createNodeHttpClient } from '../../src/platform/node-http-client.js';
import { createRpcClient, type RpcClient } from '../../src/protocol/client.js';
import { DAEMON_BIN, spawnedPids } from '../helpers/daemon-harness.js';
import { isAlive } from '../helpers/processes.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

export type DaemonKind = 'ours' | 'reference';

export const REFERENCE_BIN = '/usr/bin/supervisord';
export const SUPERVISORCTL = '/usr/bin/supervisorctl';
export const PYTHON = '/usr/bin/python3';

/** The same environment for both daemons and every supervisorctl run. */
export const COMPAT_ENV: Readonly<Record<string, string>> = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: process.env['HOME'] ?? '/root',
  LANG: 'C.UTF-8',
  TZ: 'UTC',
};

/** The header every compat config shares; `%(here)s` is the daemon's temp dir. */
export const compatConfig = (programs: string): string => `[supervisord]
logfile=%(here)s/supervisord.log
pidfile=%(here)s/supervisord.pid
childlogdir=%(here)s
loglevel=info
identifier=compat

[unix_http_server]
file=%(here)s/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://%(here)s/supervisor.sock

${programs}`;

export interface CompatDaemon {
  readonly kind: DaemonKind;
  readonly dir: TempDir;
  readonly configPath: string;
  readonly socketPath: string;
  readonly rpc: RpcClient;
  readonly process: ChildProcess;
  /** replaces the config file (for reread/update) */
  writeConfig(programs: string): void;
  mainLog(): string;
  output(): string;
  exited(): Promise<void>;
}

const startOne = async (kind: DaemonKind, programs: string): Promise<CompatDaemon> => {
  const dir = makeTempDir(kind === 'ours' ? 'tss-o-' : 'tss-r-');
  const configPath = dir.join('supervisord.conf');
  const socketPath = dir.join('supervisor.sock');
  writeFileSync(configPath, compatConfig(programs));
  const [command, args] =
    kind === 'ours'
      ? [process.execPath, [DAEMON_BIN, '-n', '-c', configPath]]
      : [PYTHON, [REFERENCE_BIN, '-n', '-c', configPath]];
  const child = spawn(command, args, {
    cwd: dir.path,
    env: COMPAT_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const rpc = createRpcClient({
    endpoint: { kind: 'unix', path: socketPath },
    username: null,
    password: null,
    transport: createNodeHttpClient(),
  });
  const daemon: CompatDaemon = {
    kind,
    dir,
    configPath,
    socketPath,
    rpc,
    process: child,
    writeConfig: (next) => writeFileSync(configPath, compatConfig(next)),
    mainLog: () => {
      try {
        return readFileSync(dir.join('supervisord.log'), 'utf8');
      } catch {
        return '';
      }
    },
    output: () => out,
    exited: () => exit,
  };
  await waitFor(() => rpc.call('supervisor.getState').then(() => true), {
    timeoutMs: 15_000,
    what: `${kind} daemon to answer\n${out}`,
  });
  return daemon;
};

export const startDaemons = (programs: string): Promise<[CompatDaemon, CompatDaemon]> =>
  Promise.all([startOne('ours', programs), startOne('reference', programs)]);

/** SIGTERM and wait (children are stopped in order); SIGKILL what is left, then clean up. */
export const stopDaemon = async (daemon: CompatDaemon | undefined): Promise<void> => {
  if (daemon === undefined) {
    return;
  }
  daemon.rpc.close();
  const pid = daemon.process.pid;
  if (pid !== undefined && isAlive(pid)) {
    daemon.process.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), 20_000)),
    );
    const outcome = await Promise.race([daemon.exited(), late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      daemon.process.kill('SIGKILL');
      await daemon.exited();
    }
  }
  for (const child of spawnedPids(daemon.mainLog() + daemon.output())) {
    for (const target of [-child, child]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  daemon.dir.remove();
};
