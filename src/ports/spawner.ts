// The Spawner port: resolve a command, spawn a child in its own process group, signal it, learn
// how it ended. platform/node-spawner.ts is the real one; test/fakes/fake-spawner.ts the fake.

import type { Readable, Writable } from 'node:stream';

import type { ExitStatus } from '../model/exit-status.js';
import type { SignalName } from '../model/signals.js';

/** Outcome of looking up argv[0] (spec §2.7 step 3). */
export type CommandLookup =
  | { readonly kind: 'found'; readonly path: string }
  | { readonly kind: 'not-found'; readonly file: string }
  | { readonly kind: 'is-directory'; readonly file: string }
  | { readonly kind: 'not-executable'; readonly file: string }
  | { readonly kind: 'no-permission'; readonly file: string };

export interface SpawnSpec {
  /** resolved executable path */
  readonly file: string;
  /** argv including argv[0] */
  readonly argv: readonly string[];
  readonly cwd: string | null;
  readonly env: Readonly<Record<string, string>>;
  readonly uid: number | null;
  readonly gid: number | null;
  readonly umask: number | null;
  /** child fd 2 shares the stdout pipe */
  readonly redirectStderr: boolean;
}

/** 'gone' is ESRCH: the process already exited (the exit callback will still come). */
export type SignalResult =
  | { readonly kind: 'sent' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'error'; readonly message: string };

export interface ChildHandle {
  readonly pid: number;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  readonly stdin: Writable | null;
  /** Signal the child, or its whole process group when `group` is true. */
  signal(signal: SignalName, group: boolean): SignalResult;
  /** Called exactly once, when the child has exited (its pipes may still hold data). */
  onExit(callback: (status: ExitStatus) => void): void;
}

export type SpawnResult =
  | { readonly ok: true; readonly child: ChildHandle }
  | { readonly ok: false; readonly errno: string; readonly message: string };

export interface Spawner {
  /** PATH lookup and checks, in supervisord's order (spec §2.7). */
  lookupCommand(file: string, searchPath: string): CommandLookup;
  /** Spawn synchronously: a failure to fork/exec/chdir/setuid is reported here, not thrown. */
  spawn(spec: SpawnSpec): SpawnResult;
}
