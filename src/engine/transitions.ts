// THE process transition table (spec §2.3): for every (state, input) pair, what happens. Pure:
// process.ts feeds inputs and performs the effects. docs/state-machine.md is rendered from it.

import { exitStatusCode, type ExitStatus } from '../model/exit-status.js';
import type { FaultName } from '../model/faults.js';
import {
  announceHealth,
  arm,
  cancel,
  cancelTimerOf,
  killLeftovers,
  log,
  noteTrigger,
  setExitStatus,
  setSpawnError,
  setStreak,
  signal,
} from './effects.js';
import { logTexts, TOO_QUICK } from './log-texts.js';
import { backoffDelayMs, isPaced, restartDelayMs } from './restart-pacing.js';
import type {
  Cell,
  Effect,
  IgnoreCell,
  Handler,
  Input,
  InputType,
  MoveCell,
  Outcome,
  ProbeTally,
  ProcessPolicy,
  ProcessState,
  RejectCell,
  StateKind,
  StepContext,
  TransitionTable,
} from './machine-types.js';

const IGNORE: Outcome = { kind: 'ignore' };

const ignore: IgnoreCell = { kind: 'ignore' };

const reject = (
  fault: FaultName,
  detail: (policy: ProcessPolicy) => string = (p) => p.namespec,
): RejectCell => ({ kind: 'reject', fault, detail });

const move = <K extends StateKind, T extends InputType>(
  to: readonly StateKind[],
  run: Handler<K, T>,
): MoveCell<K, T> => ({ kind: 'move', to, run });

const next = (state: ProcessState, effects: readonly Effect[], then?: Input): Outcome =>
  then === undefined ? { kind: 'next', state, effects } : { kind: 'next', state, effects, then };

/** Signal deaths are never expected, whatever exitcodes says. */
const isExpected = (status: ExitStatus, policy: ProcessPolicy): boolean =>
  status.kind === 'exited' && policy.exitCodes.includes(status.code);

// ---- starting up ----------------------------------------------------------------------------

/** Like supervisord's spawn(): forget the last run's outcome, then ask the shell to spawn. */
const beginStart = (tries: number, ctx: StepContext): Outcome =>
  next({ kind: 'starting', pid: null, tries, startedAtMs: ctx.nowMs, timer: null }, [
    setSpawnError(null),
    setExitStatus(null),
    { type: 'spawn' },
  ]);

/** depends_on first: a process whose dependencies do not hold yet waits without spawning. */
const startOrWait = (
  p: ProcessPolicy,
  ctx: StepContext,
  effects: readonly Effect[] = [],
): Outcome =>
  ctx.waitingFor === null
    ? beginStartWith(0, ctx, effects)
    : next({ kind: 'waiting' }, [
        ...effects,
        log('info', logTexts.waiting(p.name, ctx.waitingFor)),
      ]);

const beginStartWith = (tries: number, ctx: StepContext, effects: readonly Effect[]): Outcome => {
  const started = beginStart(tries, ctx);
  return started.kind === 'next' && effects.length > 0
    ? next(started.state, [...effects, ...started.effects])
    : started;
};

const freshStart: Handler<'stopped' | 'exited' | 'fatal', 'start'> = (_s, _i, p, ctx) =>
  startOrWait(p, ctx);

/** The dependencies may hold now: spawn if they do, keep waiting if not. */
const waitingDependenciesChanged: Handler<'waiting', 'dependenciesChanged'> = (_s, _i, _p, ctx) =>
  ctx.waitingFor === null ? beginStart(0, ctx) : IGNORE;

const waitingStop: Handler<'waiting', 'stop' | 'shutdown'> = (_s, _i, p) =>
  next({ kind: 'stopped' }, [log('debug', logTexts.stopBeforeSpawn(p.name))]);

/**
 * Each failed attempt waits a second longer (with restart_backoff_max: twice as long, capped);
 * past startretries the process gives up, unless retry_forever keeps it retrying.
 */
const enterBackoff = (
  tries: number,
  effects: readonly Effect[],
  policy: ProcessPolicy,
  ctx: StepContext,
): Outcome =>
  tries > policy.startRetries && !policy.restartPacing.retryForever
    ? next({ kind: 'backoff', tries, timer: null }, effects, { type: 'giveUp' })
    : next({ kind: 'backoff', tries, timer: ctx.token }, [
        ...effects,
        arm('backoff', backoffDelayMs(policy.restartPacing, tries), ctx.token),
      ]);

const FRESH_TALLY: ProbeTally = { passes: 0, failures: 0, reason: null };

const startingSpawned: Handler<'starting', 'spawned'> = (s, { pid }, p, ctx) => {
  const spawned = log('info', logTexts.spawned(p.name, pid));
  if (p.readiness !== null) {
    // STARTING lasts until the readiness probe passes, or its deadline fails the attempt.
    return next({ ...s, pid, startedAtMs: ctx.nowMs, timer: ctx.token, readiness: FRESH_TALLY }, [
      spawned,
      arm('startsecs', p.readiness.deadlineMs, ctx.token),
    ]);
  }
  if (p.startMs === 0) {
    return next({ kind: 'running', pid, sinceMs: ctx.nowMs }, [
      spawned,
      log('info', logTexts.success(p.name, 0)),
    ]);
  }
  // startsecs counts from the spawn itself, which may have waited for its turn (spawn pacing).
  // supervisord promotes once strictly more than startsecs have passed: at ms resolution, +1.
  return next({ ...s, pid, startedAtMs: ctx.nowMs, timer: ctx.token }, [
    spawned,
    arm('startsecs', p.startMs + 1, ctx.token),
  ]);
};

const startingSpawnFailed: Handler<'starting', 'spawnFailed'> = (s, { message }, p, ctx) =>
  enterBackoff(
    s.tries + 1,
    [log('info', logTexts.spawnErr(message)), setSpawnError(message)],
    p,
    ctx,
  );

const startingExited: Handler<'starting', 'exited'> = (s, input, p, ctx) => {
  if (s.pid === null) {
    return IGNORE;
  }
  if (p.readiness !== null || ctx.nowMs - s.startedAtMs < p.startMs) {
    // Too quick is never "expected", even for a code listed in exitcodes; with a readiness
    // probe, any exit before it passed is too quick.
    return enterBackoff(
      s.tries + 1,
      [
        cancel('startsecs'),
        ...killLeftovers(p.killAsGroup, s.pid),
        setExitStatus(null),
        setSpawnError(TOO_QUICK),
        log('warn', logTexts.exited(p.name, input.status, false)),
      ],
      p,
      ctx,
    );
  }
  // It did stay up long enough; the promotion timer just had not fired yet: RUNNING, then EXITED.
  return next({ kind: 'running', pid: s.pid, sinceMs: ctx.nowMs }, [cancel('startsecs')], input);
};

/** startsecs passed: RUNNING. With a readiness probe this is its deadline: the attempt failed. */
const startingTimerFired: Handler<'starting', 'timerFired'> = (s, _i, p, ctx) => {
  if (s.pid === null) {
    return IGNORE;
  }
  if (p.readiness === null) {
    return next({ kind: 'running', pid: s.pid, sinceMs: ctx.nowMs }, [
      log('info', logTexts.success(p.name, p.startMs)),
    ]);
  }
  const reason = s.readiness?.reason ?? null;
  return next(
    {
      kind: 'stopping',
      pid: s.pid,
      timer: ctx.token,
      after: { kind: 'backoff', tries: s.tries + 1 },
    },
    [
      setSpawnError(logTexts.notReadyInTime(p.readiness.deadlineMs)),
      log('warn', logTexts.notReadyStopping(p.name, p.readiness.deadlineMs, reason)),
      announceHealth('NOT_READY', s.pid, s.readiness?.failures ?? 0, reason ?? ''),
      log('debug', logTexts.killing(p.name, s.pid, p.stopAsGroup, p.stopSignal)),
      signal(p.stopSignal, p.stopAsGroup, 'stop'),
      arm('stopwait', p.stopWaitMs, ctx.token),
    ],
  );
};

/** The readiness probe answered: enough passes in a row make it RUNNING. */
const startingProbed: Handler<'starting', 'probed'> = (s, input, p, ctx) => {
  if (s.pid === null || p.readiness === null || input.probe !== 'readiness') {
    return IGNORE;
  }
  const tally = s.readiness ?? FRESH_TALLY;
  if (!input.ok) {
    return next(
      { ...s, readiness: { passes: 0, failures: tally.failures + 1, reason: input.reason } },
      [log('debug', logTexts.notReady(p.name, input.reason))],
    );
  }
  const passes = tally.passes + 1;
  if (passes < p.readiness.successThreshold) {
    return next({ ...s, readiness: { ...tally, passes } }, []);
  }
  return next({ kind: 'running', pid: s.pid, sinceMs: ctx.nowMs }, [
    cancel('startsecs'),
    log('info', logTexts.ready(p.name)),
    announceHealth('READY', s.pid, 0, ''),
  ]);
};

const backoffTimerFired: Handler<'backoff', 'timerFired'> = (s, _i, _p, ctx) =>
  ctx.autoStartAllowed ? beginStart(s.tries, ctx) : IGNORE;

/** A paced restart's delay is over (its dependencies may have to be waited for again). */
const delayedTimerFired: Handler<'delayed', 'timerFired'> = (_s, _i, p, ctx) =>
  ctx.autoStartAllowed ? startOrWait(p, ctx) : IGNORE;

/** A client's start does not wait for the pacing delay. */
const delayedStart: Handler<'delayed', 'start'> = (s, _i, p, ctx) =>
  startOrWait(p, ctx, cancelTimerOf(s));

const delayedStop: Handler<'delayed', 'stop' | 'shutdown'> = (s, _i, p) =>
  next({ kind: 'stopped' }, [...cancelTimerOf(s), log('debug', logTexts.stopWhileDelayed(p.name))]);

const backoffGiveUp: Handler<'backoff', 'giveUp'> = (s, _i, p) =>
  next({ kind: 'fatal' }, [...cancelTimerOf(s), log('info', logTexts.gaveUp(p.name))]);

// ---- running and exiting --------------------------------------------------------------------

const runningExited: Handler<'running', 'exited'> = (s, { status }, p, ctx) => {
  const expected = isExpected(status, p);
  const effects: Effect[] = [...killLeftovers(p.killAsGroup, s.pid), setExitStatus(status)];
  if (!expected) {
    effects.push(setSpawnError(`Bad exit code ${exitStatusCode(status)}`));
  }
  effects.push(log(expected ? 'info' : 'warn', logTexts.exited(p.name, status, expected)));
  const restart =
    ctx.autoStartAllowed &&
    (p.autorestart === 'always' || (p.autorestart === 'unexpected' && !expected));
  return next(
    { kind: 'exited', expected },
    effects,
    restart ? { type: 'autorestart', streak: nextStreak(s.sinceMs, p, ctx) } : undefined,
  );
};

/** restart pacing: a calm run of restart_backoff_reset ends a streak of restarts. */
const nextStreak = (sinceMs: number | undefined, p: ProcessPolicy, ctx: StepContext): number =>
  sinceMs === undefined || ctx.nowMs - sinceMs >= p.restartPacing.resetMs ? 1 : ctx.streak + 1;

/**
 * An autorestart: at once (supervisord), or with restart pacing after restart_delay, doubling
 * per restart in a row up to restart_backoff_max.
 */
const autorestart: Handler<'exited' | 'stopped', 'autorestart'> = (_s, { streak }, p, ctx) => {
  if (!isPaced(p.restartPacing)) {
    return startOrWait(p, ctx);
  }
  const delayMs = restartDelayMs(p.restartPacing, streak);
  if (delayMs === 0) {
    return startOrWait(p, ctx, [setStreak(streak)]);
  }
  return next({ kind: 'delayed', timer: ctx.token, untilMs: ctx.nowMs + delayMs }, [
    setStreak(streak),
    log('info', logTexts.restartDelayed(p.name, delayMs, streak)),
    arm('restart', delayMs, ctx.token),
  ]);
};

/** The liveness probe answered: enough failures in a row restart the process. */
const runningProbed: Handler<'running', 'probed'> = (s, input, p, ctx) => {
  if (p.liveness === null || input.probe !== 'liveness') {
    return IGNORE;
  }
  const tally = s.liveness ?? FRESH_TALLY;
  if (input.ok) {
    return tally.failures === 0 ? IGNORE : next({ ...s, liveness: FRESH_TALLY }, []);
  }
  const failures = tally.failures + 1;
  if (failures < p.liveness.failureThreshold) {
    return next({ ...s, liveness: { passes: 0, failures, reason: input.reason } }, [
      log('debug', logTexts.livenessFailed(p.name, input.reason, failures)),
    ]);
  }
  return next({ kind: 'stopping', pid: s.pid, timer: ctx.token, after: { kind: 'restart' } }, [
    log('warn', logTexts.notLive(p.name, input.reason, failures)),
    announceHealth('NOT_LIVE', s.pid, failures, input.reason ?? ''),
    log('debug', logTexts.killing(p.name, s.pid, p.stopAsGroup, p.stopSignal)),
    signal(p.stopSignal, p.stopAsGroup, 'stop'),
    arm('stopwait', p.stopWaitMs, ctx.token),
  ]);
};

/**
 * A restart trigger fired while RUNNING: a normal stop (stopsignal, stopwaitsecs), then a start,
 * paced like an autorestart (a calm run of restart_backoff_reset starts a new streak).
 */
const runningTrigger: Handler<'running', 'trigger'> = (s, { reason }, p, ctx) =>
  next(
    {
      kind: 'stopping',
      pid: s.pid,
      timer: ctx.token,
      after: { kind: 'trigger', reason, streak: nextStreak(s.sinceMs, p, ctx) },
    },
    [
      log('info', logTexts.restartTriggered(p.name, reason)),
      noteTrigger(reason),
      log('debug', logTexts.killing(p.name, s.pid, p.stopAsGroup, p.stopSignal)),
      signal(p.stopSignal, p.stopAsGroup, 'stop'),
      arm('stopwait', p.stopWaitMs, ctx.token),
    ],
  );

// ---- stopping -------------------------------------------------------------------------------

const beginStop: Handler<'starting' | 'running', 'stop' | 'shutdown'> = (s, _i, p, ctx) => {
  if (s.pid === null) {
    // Its spawn is still waiting for its turn (spawn pacing): nothing runs, nothing to signal.
    return next({ kind: 'stopped' }, [log('debug', logTexts.stopBeforeSpawn(p.name))]);
  }
  return next({ kind: 'stopping', pid: s.pid, timer: ctx.token }, [
    ...cancelTimerOf(s),
    log('debug', logTexts.killing(p.name, s.pid, p.stopAsGroup, p.stopSignal)),
    signal(p.stopSignal, p.stopAsGroup, 'stop'),
    arm('stopwait', p.stopWaitMs, ctx.token),
  ]);
};

/** A stop while waiting to retry needs no signal: there is no process. */
const backoffStop: Handler<'backoff', 'stop'> = (s, _i, p) =>
  next({ kind: 'stopped' }, [...cancelTimerOf(s), log('debug', logTexts.stopInBackoff(p.name))]);

const backoffShutdown: Handler<'backoff', 'shutdown'> = (s) =>
  next({ kind: 'fatal' }, cancelTimerOf(s));

/** stopwaitsecs ran out: SIGKILL, and again every stopwaitsecs while the process survives. */
const stoppingTimerFired: Handler<'stopping', 'timerFired'> = (s, _i, p, ctx) =>
  next({ kind: 'stopping', pid: s.pid, timer: ctx.token }, [
    log('warn', logTexts.sigkill(p.name, s.pid)),
    log('debug', logTexts.killing(p.name, s.pid, p.killAsGroup, 'KILL')),
    signal('KILL', p.killAsGroup, 'kill'),
    arm('stopwait', p.stopWaitMs, ctx.token),
  ]);

const stoppedBy = (status: ExitStatus, p: ProcessPolicy): Effect[] => [
  setExitStatus(status),
  log(isExpected(status, p) ? 'info' : 'warn', logTexts.stopped(p.name, status)),
];

const stoppingExited: Handler<'stopping', 'exited'> = (s, { status }, p, ctx) => {
  const effects = [
    ...cancelTimerOf(s),
    ...killLeftovers(p.killAsGroup, s.pid),
    ...stoppedBy(status, p),
  ];
  switch (s.after?.kind) {
    case undefined:
      return next({ kind: 'stopped' }, effects);
    case 'backoff':
      // The readiness deadline: a failed attempt, like a too-quick exit.
      return enterBackoff(s.after.tries, effects, p, ctx);
    case 'restart':
      return next(
        { kind: 'stopped' },
        effects,
        ctx.autoStartAllowed ? { type: 'autorestart', streak: ctx.streak + 1 } : undefined,
      );
    case 'trigger':
      return next(
        { kind: 'stopped' },
        effects,
        ctx.autoStartAllowed ? { type: 'autorestart', streak: s.after.streak } : undefined,
      );
  }
};

/** A client's stop during a stop the engine began itself: no restart after it. */
const stoppingStop: Handler<'stopping', 'stop'> = (s, _i, p) =>
  s.after === undefined
    ? { kind: 'reject', fault: { fault: 'NOT_RUNNING', detail: p.namespec } }
    : next({ kind: 'stopping', pid: s.pid, timer: s.timer }, []);

const stoppingShutdown: Handler<'stopping', 'shutdown'> = (s) =>
  s.after === undefined ? IGNORE : next({ kind: 'stopping', pid: s.pid, timer: s.timer }, []);

const stoppingStart: Handler<'stopping', 'start'> = (s, _i, p) =>
  next(s, [log('warn', logTexts.alreadyRunning(p.name))]);

/** We lost track of it (a signal failed); once it does exit, it is simply down. */
const unknownExited: Handler<'unknown', 'exited'> = (s, { status }, p) =>
  next({ kind: 'stopped' }, [...killLeftovers(p.killAsGroup, s.pid), ...stoppedBy(status, p)]);

// ---- signals --------------------------------------------------------------------------------

/** signalProcess: the pid only, never the group, and no stop intent. */
const sendSignal: Handler<'starting' | 'running' | 'stopping', 'signal'> = (s, input, p) =>
  s.pid === null
    ? { kind: 'reject', fault: { fault: 'NOT_RUNNING', detail: p.namespec } }
    : next(s, [
        log('debug', logTexts.sending(p.name, s.pid, input.signal)),
        signal(input.signal, false, 'user'),
      ]);

/** ESRCH: it exited on its own; the exit input finishes the job. */
const signalGone: Handler<'starting' | 'running' | 'stopping', 'signalGone'> = (s, input, p) =>
  s.pid === null
    ? IGNORE
    : next(s, [log('debug', logTexts.signalGone(p.name, s.pid, input.purpose))]);

const signalFailed: Handler<'starting' | 'running' | 'stopping', 'signalFailed'> = (s, input, p) =>
  s.pid === null
    ? IGNORE
    : next({ kind: 'unknown', pid: s.pid }, [
        ...cancelTimerOf(s),
        log('critical', logTexts.signalFailed(p.name, s.pid, input.purpose, input.message)),
      ]);

// ---- the table ------------------------------------------------------------------------------

const unknownStateDetail = (p: ProcessPolicy): string =>
  `${p.namespec} is in an unknown process state`;

/** Inputs that only matter while a process exists or a decision is pending. */
const idle = {
  shutdown: ignore,
  spawned: ignore,
  spawnFailed: ignore,
  exited: ignore,
  timerFired: ignore,
  signalGone: ignore,
  signalFailed: ignore,
  giveUp: ignore,
  probed: ignore,
  dependenciesChanged: ignore,
  autorestart: ignore,
  trigger: ignore,
} as const;

export const TRANSITIONS: TransitionTable = {
  stopped: {
    ...idle,
    start: move(['starting', 'waiting'], freshStart),
    autorestart: move(['starting', 'waiting', 'delayed'], autorestart),
    stop: reject('NOT_RUNNING'),
    signal: reject('NOT_RUNNING'),
  },
  waiting: {
    ...idle,
    start: reject('ALREADY_STARTED'),
    stop: move(['stopped'], waitingStop),
    signal: reject('NOT_RUNNING'),
    shutdown: move(['stopped'], waitingStop),
    dependenciesChanged: move(['starting'], waitingDependenciesChanged),
  },
  starting: {
    start: reject('ALREADY_STARTED'),
    stop: move(['stopping', 'stopped'], beginStop),
    signal: move([], sendSignal),
    shutdown: move(['stopping', 'stopped'], beginStop),
    spawned: move(['starting', 'running'], startingSpawned),
    spawnFailed: move(['backoff'], startingSpawnFailed),
    exited: move(['backoff', 'running'], startingExited),
    timerFired: move(['running', 'stopping'], startingTimerFired),
    signalGone: move([], signalGone),
    signalFailed: move(['unknown'], signalFailed),
    giveUp: ignore,
    probed: move(['starting', 'running'], startingProbed),
    dependenciesChanged: ignore,
    autorestart: ignore,
    // Only a RUNNING process is restarted by a trigger.
    trigger: ignore,
  },
  running: {
    start: reject('ALREADY_STARTED'),
    stop: move(['stopping'], beginStop),
    signal: move([], sendSignal),
    shutdown: move(['stopping'], beginStop),
    spawned: ignore,
    spawnFailed: ignore,
    exited: move(['exited'], runningExited),
    timerFired: ignore,
    signalGone: move([], signalGone),
    signalFailed: move(['unknown'], signalFailed),
    giveUp: ignore,
    probed: move(['running', 'stopping'], runningProbed),
    dependenciesChanged: ignore,
    autorestart: ignore,
    trigger: move(['stopping'], runningTrigger),
  },
  backoff: {
    ...idle,
    start: reject('ALREADY_STARTED'),
    stop: move(['stopped'], backoffStop),
    signal: reject('NOT_RUNNING'),
    shutdown: move(['fatal'], backoffShutdown),
    timerFired: move(['starting'], backoffTimerFired),
    giveUp: move(['fatal'], backoffGiveUp),
  },
  delayed: {
    ...idle,
    start: move(['starting', 'waiting'], delayedStart),
    stop: move(['stopped'], delayedStop),
    signal: reject('NOT_RUNNING'),
    shutdown: move(['stopped'], delayedStop),
    timerFired: move(['starting', 'waiting'], delayedTimerFired),
  },
  stopping: {
    start: move([], stoppingStart),
    stop: move([], stoppingStop),
    signal: move([], sendSignal),
    shutdown: move([], stoppingShutdown),
    spawned: ignore,
    spawnFailed: ignore,
    exited: move(['stopped', 'backoff'], stoppingExited),
    timerFired: move(['stopping'], stoppingTimerFired),
    signalGone: move([], signalGone),
    signalFailed: move(['unknown'], signalFailed),
    giveUp: ignore,
    probed: ignore,
    dependenciesChanged: ignore,
    autorestart: ignore,
    trigger: ignore,
  },
  exited: {
    ...idle,
    start: move(['starting', 'waiting'], freshStart),
    autorestart: move(['starting', 'waiting', 'delayed'], autorestart),
    stop: reject('NOT_RUNNING'),
    signal: reject('NOT_RUNNING'),
  },
  fatal: {
    ...idle,
    start: move(['starting', 'waiting'], freshStart),
    stop: reject('NOT_RUNNING'),
    signal: reject('NOT_RUNNING'),
  },
  unknown: {
    ...idle,
    start: reject('FAILED', unknownStateDetail),
    stop: reject('NOT_RUNNING'),
    signal: reject('NOT_RUNNING'),
    exited: move(['stopped'], unknownExited),
  },
};

type AnyCell = Cell<StateKind, InputType>;

/** Feed one input to the table. A timer that was cancelled or replaced is dropped here. */
export const step = (
  state: ProcessState,
  input: Input,
  policy: ProcessPolicy,
  ctx: StepContext,
): Outcome => {
  if (input.type === 'timerFired' && !('timer' in state && state.timer === input.token)) {
    return IGNORE;
  }
  // The mapped table type guarantees the cell matches state.kind and input.type; TypeScript
  // cannot correlate the two unions on its own.
  const cell = TRANSITIONS[state.kind][input.type] as AnyCell;
  switch (cell.kind) {
    case 'ignore':
      return IGNORE;
    case 'reject':
      return { kind: 'reject', fault: { fault: cell.fault, detail: cell.detail(policy) } };
    case 'move':
      return cell.run(state, input, policy, ctx);
  }
};
