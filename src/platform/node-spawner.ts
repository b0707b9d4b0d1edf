// The real Spawner: node:child_process with each child in its own session/process group, pipes
// for stdin/stdout/stderr (real pipes for the output: output-pipes.ts), optional
// uid/gid/umask/cwd, and signals to the pid or the group.

import { type ChildProcess, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';

import type { ExitStatus } from '../model/exit-status.js';
import { signalByName, signalNumber, type SignalName } from '../model/signals.js';
import type {
  ChildHandle,
  SignalResult,
  SpawnResult,
  SpawnSpec,
  Spawner,
} from '../ports/spawner.js';
import { lookupCommand } from './command-lookup.js';
import { openOutputPipes } from './output-pipes.js';

/**
 * Without real pipes, Node cannot hand one of its pipes to both fd 1 and fd 2 of a child, so
 * redirect_stderr execs the program through a tiny sh that dups stderr onto stdout: one ordered
 * stream, as supervisord.
 */
const REDIRECT_SHELL = ['/bin/sh', '-c', 'exec "$0" "$@" 2>&1'] as const;

const errnoOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'EUNKNOWN';

const toExitStatus = (code: number | null, signal: NodeJS.Signals | null): ExitStatus => {
  if (signal !== null) {
    return {
      kind: 'signalled',
      signal: signalByName(signal) ?? constants.signals[signal],
      coreDumped: false,
    };
  }
  return { kind: 'exited', code: code ?? 0 };
};

class NodeChild implements ChildHandle {
  readonly pid: number;
  private exitStatus: ExitStatus | undefined;
  private readonly exitCallbacks: ((status: ExitStatus) => void)[] = [];

  constructor(
    private readonly proc: ChildProcess & { pid: number },
    private readonly output: { readonly stdout: Readable | null; readonly stderr: Readable | null },
  ) {
    this.pid = proc.pid;
    proc.once('exit', (code, signal) => {
      const status = toExitStatus(code, signal);
      this.exitStatus = status;
      for (const cb of this.exitCallbacks.splice(0)) {
        cb(status);
      }
    });
    // A broken stdin pipe (child closed it) must not become an unhandled 'error'.
    proc.stdin?.on('error', () => undefined);
  }

  get stdout() {
    return this.output.stdout;
  }

  get stderr() {
    return this.output.stderr;
  }

  get stdin() {
    return this.proc.stdin;
  }

  signal(sig: SignalName, group: boolean): SignalResult {
    try {
      process.kill(group ? -this.pid : this.pid, signalNumber(sig));
      return { kind: 'sent' };
    } catch (error) {
      const errno = errnoOf(error);
      if (errno === 'ESRCH') {
        return { kind: 'gone' };
      }
      return { kind: 'error', message: error instanceof Error ? error.message : errno };
    }
  }

  onExit(callback: (status: ExitStatus) => void): void {
    if (this.exitStatus !== undefined) {
      callback(this.exitStatus);
    } else {
      this.exitCallbacks.push(callback);
    }
  }
}

const spawnChild = (spec: SpawnSpec): SpawnResult => {
  const pipes = openOutputPipes(spec.redirectStderr);
  const viaShell = spec.redirectStderr && pipes === null;
  const [argv0 = spec.file, ...args] = spec.argv;
  const [file, argv] = viaShell
    ? [REDIRECT_SHELL[0], [REDIRECT_SHELL[1], REDIRECT_SHELL[2], spec.file, ...args]]
    : [spec.file, args];
  const previousUmask = spec.umask === null ? null : process.umask(spec.umask);
  let proc: ChildProcess;
  try {
    proc = spawn(file, argv, {
      argv0: viaShell ? 'sh' : argv0,
      cwd: spec.cwd ?? undefined,
      env: spec.env,
      detached: true,
      stdio:
        pipes === null
          ? ['pipe', 'pipe', spec.redirectStderr ? 'ignore' : 'pipe']
          : ['pipe', ...pipes.childEnds],
      ...(spec.uid === null ? {} : { uid: spec.uid }),
      ...(spec.gid === null ? {} : { gid: spec.gid }),
    });
  } catch (error) {
    pipes?.discard();
    return { ok: false, errno: errnoOf(error), message: String(error) };
  } finally {
    // The forked child inherited the umask synchronously inside spawn(); restore ours.
    if (previousUmask !== null) {
      process.umask(previousUmask);
    }
  }
  if (proc.pid === undefined) {
    // libuv reports exec/chdir/setuid failures synchronously; swallow the deferred 'error' event.
    proc.once('error', () => undefined);
    pipes?.discard();
    return { ok: false, errno: 'ESPAWN', message: describeSpawnFailure(spec) };
  }
  const output = pipes?.attach() ?? { stdout: proc.stdout, stderr: proc.stderr };
  return { ok: true, child: new NodeChild(proc as ChildProcess & { pid: number }, output) };
};

/**
 * Node reports the errno of a failed spawn only asynchronously, so name the likely cause in
 * supervisord's words by checking what can be checked: the directory, then privileges.
 */
const describeSpawnFailure = (spec: SpawnSpec): string => {
  if (spec.cwd !== null) {
    try {
      if (!statSync(spec.cwd).isDirectory()) {
        return `couldn't chdir to ${spec.cwd}: ENOTDIR`;
      }
    } catch (error) {
      return `couldn't chdir to ${spec.cwd}: ${errnoOf(error)}`;
    }
  }
  if (spec.uid !== null && process.getuid?.() !== 0) {
    return `couldn't setuid to ${spec.uid}: Can't drop privilege as nonroot user`;
  }
  return `couldn't exec ${spec.argv[0] ?? spec.file}: spawn failed`;
};

export const nodeSpawner: Spawner = { lookupCommand, spawn: spawnChild };
