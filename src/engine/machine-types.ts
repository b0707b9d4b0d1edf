// The vocabulary of the process transition table: states carrying their own data, the closed set
// of inputs, effects as data, the per-process policy, and the shape of a total table.

import type { ProcessConfig } from '../config/types.js';
import type { ExitStatus } from '../model/exit-status.js';
import type { Fault, FaultName } from '../model/faults.js';
import type { LogLevel } from '../model/log-level.js';
import type { ProcessStateName } from '../model/process-state.js';
import type { SignalName } from '../model/signals.js';

export type TimerName = 'startsecs' | 'backoff' | 'stopwait' | 'restart';

export type ProbeKind = 'readiness' | 'liveness';

/** How a readiness (in STARTING) or liveness (in RUNNING) probe has been doing. */
export interface ProbeTally {
  /** passes in a row */
  readonly passes: number;
  /** failures in a row */
  readonly failures: number;
  /** why the last probe failed */
  readonly reason: string | null;
}

/** What a stop the engine decided on itself leads to once the process has exited. */
export type AfterStop =
  /** the readiness deadline passed: a failed start attempt, like a too-quick exit */
  | { readonly kind: 'backoff'; readonly tries: number }
  /** the liveness probe failed: restart it (paced like an autorestart) */
  | { readonly kind: 'restart' };

/** `timer` fields hold the token of the one timer a state may be waiting on. */
export type ProcessState =
  | { readonly kind: 'stopped' }
  /** wanted up, but its depends_on do not hold yet: nothing spawned (reported as STARTING) */
  | { readonly kind: 'waiting' }
  | {
      readonly kind: 'starting';
      /** null between the start decision and the spawner's answer */
      readonly pid: number | null;
      /** failed attempts so far (supervisord's backoff counter) */
      readonly tries: number;
      readonly startedAtMs: number;
      /** startsecs, or with a readiness probe its deadline */
      readonly timer: number | null;
      /** with a readiness probe: how it has done since the spawn */
      readonly readiness?: ProbeTally;
    }
  | {
      readonly kind: 'running';
      readonly pid: number;
      /** when it entered RUNNING (monotonic ms): restart pacing's streak ends after a calm run */
      readonly sinceMs?: number;
      /** with a liveness probe: how it has done lately */
      readonly liveness?: ProbeTally;
    }
  | { readonly kind: 'backoff'; readonly tries: number; readonly timer: number | null }
  /** restart pacing: an autorestart waits for its delay (reported as BACKOFF) */
  | { readonly kind: 'delayed'; readonly timer: number; readonly untilMs: number }
  | {
      readonly kind: 'stopping';
      readonly pid: number;
      readonly timer: number;
      /** a stop the engine decided on: what follows the exit (a client's stop cancels it) */
      readonly after?: AfterStop;
    }
  | { readonly kind: 'exited'; readonly expected: boolean }
  | { readonly kind: 'fatal' }
  | { readonly kind: 'unknown'; readonly pid: number | null };

export type StateKind = ProcessState['kind'];
type StateByKind = { readonly [S in ProcessState as S['kind']]: S };
export type StateOf<K extends StateKind> = StateByKind[K];

export const STATE_NAMES: { readonly [K in StateKind]: ProcessStateName } = {
  stopped: 'STOPPED',
  waiting: 'STARTING',
  starting: 'STARTING',
  running: 'RUNNING',
  backoff: 'BACKOFF',
  delayed: 'BACKOFF',
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
  /**
   * autorestart after an exit (or a liveness restart): at once, or after restart pacing's delay
   * for the `streak`-th restart in a row
   */
  | { readonly type: 'autorestart'; readonly streak: number }
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
  | { readonly type: 'giveUp' }
  /** a readiness or liveness probe has answered */
  | {
      readonly type: 'probed';
      readonly probe: ProbeKind;
      readonly ok: boolean;
      readonly reason: string | null;
    }
  /** something another process did may have made this one's depends_on hold */
  | { readonly type: 'dependenciesChanged' };

export type InputType = Input['type'];
type InputByType = { readonly [I in Input as I['type']]: I };
export type InputOf<T extends InputType> = InputByType[T];

const INPUT_SET: { readonly [T in InputType]: true } = {
  start: true,
  autorestart: true,
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
  probed: true,
  dependenciesChanged: true,
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
  | { readonly type: 'setExitStatus'; readonly status: ExitStatus | null }
  /** restart pacing: how many paced restarts in a row so far */
  | { readonly type: 'setStreak'; readonly streak: number }
  /** publish a PROCESS_HEALTH event (a probe decided something) */
  | {
      readonly type: 'announceHealth';
      readonly change: 'READY' | 'NOT_READY' | 'NOT_LIVE';
      readonly pid: number;
      readonly failures: number;
      readonly reason: string;
    };

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
  | 'readiness'
  | 'liveness'
  | 'restartPacing'
>;

/** What the table needs to know about one process: its names and its [program:x] knobs. */
export interface ProcessPolicy extends PolicyKnobs {
  /** the process name, as log lines show it */
  readonly name: string;
  /** `group:process` (or `process`), as fault details show it */
  readonly namespec: string;
}

/**
 * An exit that shuts the daemon down (shutdown_on) is not restarted first: `exit` turns
 * autorestart off, `unexpected` keeps only the restart of an expected exit (autorestart=true).
 */
const autorestartWith = (config: ProcessConfig): ProcessConfig['autorestart'] => {
  switch (config.shutdownOn) {
    case 'exit':
      return 'never';
    case 'unexpected':
      return config.autorestart === 'unexpected' ? 'never' : config.autorestart;
    case 'fatal':
    case 'never':
      return config.autorestart;
  }
};

export const policyOf = (config: ProcessConfig, namespec: string): ProcessPolicy => ({
  name: config.name,
  namespec,
  startMs: config.startMs,
  startRetries: config.startRetries,
  autorestart: autorestartWith(config),
  exitCodes: config.exitCodes,
  stopSignal: config.stopSignal,
  stopWaitMs: config.stopWaitMs,
  stopAsGroup: config.stopAsGroup,
  killAsGroup: config.killAsGroup,
  readiness: config.readiness,
  liveness: config.liveness,
  restartPacing: config.restartPacing,
});

/** The moment a step happens in. */
export interface StepContext {
  /** monotonic ms */
  readonly nowMs: number;
  /** a token never handed out before, for a timer this step may arm */
  readonly token: number;
  /** supervisord's mood is RUNNING: automatic (re)starts may happen */
  readonly autoStartAllowed: boolean;
  /** what of its depends_on does not hold yet (`db`, `migrate to complete`), null when all do */
  readonly waitingFor: string | null;
  /** restart pacing: paced restarts in a row so far */
  readonly streak: number;
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
