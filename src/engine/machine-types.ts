// The vocabulary of the process transition table: states carrying their own data, the closed set
// of inputs, effects as data, the per-process policy, and the shape of a total table.

import type { ProcessConfig } from '../config/types.js';
import type { ExitStatus } from '../model/exit-status.js';
import type { Fault, FaultName } from '../model/faults.js';
import type { LogLevel } from '../model/log-level.js';
import type { ProcessStateName } from '../model/process-state.js';
import type { SignalName } from '../model/signals.js';

export type TimerName = 'startsecs' | 'backoff' | 'stopwait';

/** `timer` fields hold the token of the one timer a state may be waiting on. */
export type ProcessState =
  | { readonly kind: 'stopped' }
  | {
      readonly kind: 'starting';
      /** null between the start decision and the spawner's answer */
      readonly pid: number | null;
      /** failed attempts so far (supervisord's backoff counter) */
      readonly tries: number;
      readonly startedAtMs: number;
      readonly timer: number | null;
    }
  | { readonly kind: 'running'; readonly pid: number }
  | { readonly kind: 'backoff'; readonly tries: number; readonly timer: number | null }
  | { readonly kind: 'stopping'; readonly pid: number; readonly timer: number }
  | { readonly kind: 'exited'; readonly expected: boolean }
  | { readonly kind: 'fatal' }
  | { readonly kind: 'unknown'; readonly pid: number | null };

export type StateKind = ProcessState['kind'];
type StateByKind = { readonly [S in ProcessState as S['kind']]: S };
export type StateOf<K extends StateKind> = StateByKind[K];

export const STATE_NAMES: { readonly [K in StateKind]: ProcessStateName } = {
  stopped: 'STOPPED',
  starting: 'STARTING',
  running: 'RUNNING',
  backoff: 'BACKOFF',
  stopping: 'STOPPING',
  exited: 'EXITED',
  fatal: 'FATAL',
  unknown: 'UNKNOWN',
};

export const STATE_KINDS = Object.keys(STATE_NAMES) as readonly StateKind[];

/** Why a signal was sent: the log texts and the UNKNOWN fallout differ. */
export type SignalPurpose = 'stop' | 'kill' | 'user';

export type Input =
  /** a client, autostart or autorestart wants the process up */
  | { readonly type: 'start' }
  /** a client wants it down (stopsignal, then SIGKILL after stopwaitsecs) */
  | { readonly type: 'stop' }
  /** a client sends a signal without any intent to stop */
  | { readonly type: 'signal'; readonly signal: SignalName }
  /** supervisord is shutting down or restarting */
  | { readonly type: 'shutdown' }
  | { readonly type: 'spawned'; readonly pid: number }
  | { readonly type: 'spawnFailed'; readonly message: string }
  | { readonly type: 'exited'; readonly status: ExitStatus }
  | { readonly type: 'timerFired'; readonly timer: TimerName; readonly token: number }
  /** the signal found no process (ESRCH): the exit is on its way */
  | { readonly type: 'signalGone'; readonly purpose: SignalPurpose }
  | { readonly type: 'signalFailed'; readonly purpose: SignalPurpose; readonly message: string }
  /** the retries are used up */
  | { readonly type: 'giveUp' };

export type InputType = Input['type'];
type InputByType = { readonly [I in Input as I['type']]: I };
export type InputOf<T extends InputType> = InputByType[T];

const INPUT_SET: { readonly [T in InputType]: true } = {
  start: true,
  stop: true,
  signal: true,
  shutdown: true,
  spawned: true,
  spawnFailed: true,
  exited: true,
  timerFired: true,
  signalGone: true,
  signalFailed: true,
  giveUp: true,
};

export const INPUT_TYPES = Object.keys(INPUT_SET) as readonly InputType[];

export type Effect =
  /** prepare and spawn the command; the shell answers with `spawned` or `spawnFailed` */
  | { readonly type: 'spawn' }
  /** the shell answers `signalGone`/`signalFailed` when the signal did not arrive */
  | {
      readonly type: 'signal';
      readonly signal: SignalName;
      readonly group: boolean;
      readonly purpose: SignalPurpose;
    }
  | {
      readonly type: 'armTimer';
      readonly timer: TimerName;
      readonly delayMs: number;
      readonly token: number;
    }
  | { readonly type: 'cancelTimer'; readonly timer: TimerName }
  /**
   * killasgroup: the leader `pid` has exited; SIGKILL whatever is left of its process group
   * (e.g. gunicorn workers of a killed master) so nothing outlives the program.
   */
  | { readonly type: 'killLeftovers'; readonly pid: number }
  | { readonly type: 'log'; readonly level: LogLevel; readonly text: string }
  | { readonly type: 'setSpawnError'; readonly text: string | null }
  | { readonly type: 'setExitStatus'; readonly status: ExitStatus | null };

/** The [program:x] knobs the table consults: a slice of ProcessConfig, never a copy of it. */
type PolicyKnobs = Pick<
  ProcessConfig,
  | 'startMs'
  | 'startRetries'
  | 'autorestart'
  | 'exitCodes'
  | 'stopSignal'
  | 'stopWaitMs'
  | 'stopAsGroup'
  | 'killAsGroup'
>;

/** What the table needs to know about one process: its names and its [program:x] knobs. */
export interface ProcessPolicy extends PolicyKnobs {
  /** the process name, as log lines show it */
  readonly name: string;
  /** `group:process` (or `process`), as fault details show it */
  readonly namespec: string;
}

export const policyOf = (config: ProcessConfig, namespec: string): ProcessPolicy => ({
  name: config.name,
  namespec,
  startMs: config.startMs,
  startRetries: config.startRetries,
  autorestart: config.autorestart,
  exitCodes: config.exitCodes,
  stopSignal: config.stopSignal,
  stopWaitMs: config.stopWaitMs,
  stopAsGroup: config.stopAsGroup,
  killAsGroup: config.killAsGroup,
});

/** The moment a step happens in. */
export interface StepContext {
  /** monotonic ms */
  readonly nowMs: number;
  /** a token never handed out before, for a timer this step may arm */
  readonly token: number;
  /** supervisord's mood is RUNNING: automatic (re)starts may happen */
  readonly autoStartAllowed: boolean;
}

export type Outcome =
  | {
      readonly kind: 'next';
      readonly state: ProcessState;
      readonly effects: readonly Effect[];
      /** an input to feed right after this step's effects (e.g. `exited` again once RUNNING) */
      readonly then?: Input;
    }
  | { readonly kind: 'reject'; readonly fault: Fault }
  | { readonly kind: 'ignore' };

export type Handler<K extends StateKind, T extends InputType> = (
  state: StateOf<K>,
  input: InputOf<T>,
  policy: ProcessPolicy,
  ctx: StepContext,
) => Outcome;

export interface IgnoreCell {
  readonly kind: 'ignore';
}

export interface RejectCell {
  readonly kind: 'reject';
  readonly fault: FaultName;
  readonly detail: (policy: ProcessPolicy) => string;
}

/**
 * `to` lists the states the handler may lead to (what the diagram draws); an empty list means
 * the handler only performs effects and the state stays as it is.
 */
export interface MoveCell<K extends StateKind, T extends InputType> {
  readonly kind: 'move';
  readonly to: readonly StateKind[];
  readonly run: Handler<K, T>;
}

/** One cell of the table: "ignore" and "reject" are decisions too. */
export type Cell<K extends StateKind, T extends InputType> =
  IgnoreCell | RejectCell | MoveCell<K, T>;

/** Total over state × input: a missing cell does not compile. */
export type TransitionTable = {
  readonly [K in StateKind]: { readonly [T in InputType]: Cell<K, T> };
};
