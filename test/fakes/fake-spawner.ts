// A Spawner without processes: records every SpawnSpec, answers lookups from a script, and hands
// out FakeChild objects a test ends with exit(); signals are recorded and can be made to fail.

import type { ExitStatus } from '../../src/model/exit-status.js';
import type { SignalName } from '../../src/model/signals.js';
import type {
  ChildHandle,
  CommandLookup,
  SignalResult,
  SpawnResult,
  SpawnSpec,
  Spawner,
} from '../../src/ports/spawner.js';

export interface SentSignal {
  readonly signal: SignalName;
  readonly group: boolean;
}

export class FakeChild implements ChildHandle {
  readonly stdout = null;
  readonly stderr = null;
  readonly stdin = null;
  readonly signals: SentSignal[] = [];
  /** What the next signal() calls answer; 'sent' unless a test says otherwise. */
  signalResult: SignalResult = { kind: 'sent' };
  private exitStatus: ExitStatus | undefined;
  private readonly callbacks: ((status: ExitStatus) => void)[] = [];

  constructor(
    readonly pid: number,
    readonly spec: SpawnSpec,
  ) {}

  get exited(): boolean {
    return this.exitStatus !== undefined;
  }

  signal(signal: SignalName, group: boolean): SignalResult {
    this.signals.push({ signal, group });
    return this.exitStatus === undefined ? this.signalResult : { kind: 'gone' };
  }

  onExit(callback: (status: ExitStatus) => void): void {
    if (this.exitStatus === undefined) {
      this.callbacks.push(callback);
    } else {
      callback(this.exitStatus);
    }
  }

  /** End the child: a number is an exit code, a signal name a death by that signal. */
  exit(how: number | SignalName | ExitStatus = 0): void {
    if (this.exitStatus !== undefined) {
      throw new Error(`fake child ${this.pid} already exited`);
    }
    const status: ExitStatus =
      typeof how === 'number'
        ? { kind: 'exited', code: how }
        : typeof how === 'string'
          ? { kind: 'signalled', signal: how, coreDumped: false }
          : how;
    this.exitStatus = status;
    for (const cb of this.callbacks.splice(0)) {
      cb(status);
    }
  }
}

export interface LookupCall {
  readonly file: string;
  readonly searchPath: string;
}

export class FakeSpawner implements Spawner {
  readonly specs: SpawnSpec[] = [];
  readonly children: FakeChild[] = [];
  readonly lookups: LookupCall[] = [];
  private readonly scriptedLookups = new Map<string, CommandLookup>();
  private readonly spawnFailures: { errno: string; message: string }[] = [];
  private nextPid: number;

  constructor(firstPid = 1000) {
    this.nextPid = firstPid;
  }

  /** Make lookupCommand(file) answer `result` (default: found as /usr/bin/<file>). */
  scriptLookup(file: string, result: CommandLookup): void {
    this.scriptedLookups.set(file, result);
  }

  /** Make the next spawn() fail with this errno and message. */
  failNextSpawn(errno: string, message = `spawn ${errno}`): void {
    this.spawnFailures.push({ errno, message });
  }

  lookupCommand(file: string, searchPath: string): CommandLookup {
    this.lookups.push({ file, searchPath });
    return (
      this.scriptedLookups.get(file) ?? {
        kind: 'found',
        path: file.includes('/') ? file : `/usr/bin/${file}`,
      }
    );
  }

  spawn(spec: SpawnSpec): SpawnResult {
    this.specs.push(spec);
    const failure = this.spawnFailures.shift();
    if (failure !== undefined) {
      return { ok: false, ...failure };
    }
    const child = new FakeChild(this.nextPid++, spec);
    this.children.push(child);
    return { ok: true, child };
  }

  /** The most recently spawned child (throws when there is none: a test bug). */
  get last(): FakeChild {
    const child = this.children.at(-1);
    if (child === undefined) {
      throw new Error('nothing was spawned');
    }
    return child;
  }

  /** The latest child spawned for the process named `name` (by its SUPERVISOR_PROCESS_NAME). */
  childOf(name: string): FakeChild {
    const child = this.children.findLast((c) => c.spec.env['SUPERVISOR_PROCESS_NAME'] === name);
    if (child === undefined) {
      throw new Error(`no child spawned for ${name}`);
    }
    return child;
  }
}
