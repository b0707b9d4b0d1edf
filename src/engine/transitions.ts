// THE process transition table (spec §2.3): for every (state, input) pair, what happens. Pure:
// process.ts feeds inputs and performs the effects. docs/state-machine.md is rendered from it.

import { exitStatusCode, type ExitStatus } from '../model/exit-status.js';
import type { FaultName } from '../model/faults.js';
import {
  arm,
  cancel,
  cancelTimerOf,
  killLeftovers,
  log,
  setExitStatus,
  setSpawnError,
  signal,
} from './effects.js';
import { logTexts, TOO_QUICK } from './log-texts.js';
import type {
  Cell,
  Effect,
  IgnoreCell,
  Handler,
  Input,
  InputType,
  MoveCell,
  Outcome,
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

const freshStart: Handler<'stopped' | 'exited' | 'fatal', 'start'> = (_s, _i, _p, ctx) =>
  beginStart(0, ctx);

/** Each failed attempt waits a second longer; past startretries the process gives up. */
const enterBackoff = (
  tries: number,
  effects: readonly Effect[],
  policy: ProcessPolicy,
  ctx: StepContext,
): Outcome =>
  tries > policy.startRetries
    ? next({ kind: 'backoff', tries, timer: null }, effects, { type: 'giveUp' })
    : next({ kind: 'backoff', tries, timer: ctx.token }, [
        ...effects,
        arm('backoff', tries * 1000, ctx.token),
      ]);

const startingSpawned: Handler<'starting', 'spawned'> = (s, { pid }, p, ctx) => {
  const spawned = log('info', logTexts.spawned(p.name, pid));
  if (p.startMs === 0) {
    return next({ kind: 'running', pid }, [spawned, log('info', logTexts.success(p.name, 0))]);
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
  if (ctx.nowMs - s.startedAtMs < p.startMs) {
    // Too quick is never "expected", even for a code listed in exitcodes.
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
  return next({ kind: 'running', pid: s.pid }, [cancel('startsecs')], input);
};

const startingTimerFired: Handler<'starting', 'timerFired'> = (s, _i, p) =>
  s.pid === null
    ? IGNORE
    : next({ kind: 'running', pid: s.pid }, [log('info', logTexts.success(p.name, p.startMs))]);

const backoffTimerFired: Handler<'backoff', 'timerFired'> = (s, _i, _p, ctx) =>
  ctx.autoStartAllowed ? beginStart(s.tries, ctx) : IGNORE;

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
  return next({ kind: 'exited', expected }, effects, restart ? { type: 'start' } : undefined);
};

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

const stoppingExited: Handler<'stopping', 'exited'> = (s, { status }, p) =>
  next({ kind: 'stopped' }, [
    ...cancelTimerOf(s),
    ...killLeftovers(p.killAsGroup, s.pid),
    ...stoppedBy(status, p),
  ]);

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
} as const;

export const TRANSITIONS: TransitionTable = {
  stopped: {
    ...idle,
    start: move(['starting'], freshStart),
    stop: reject('NOT_RUNNING'),
    signal: reject('NOT_RUNNING'),
  },
  starting: {
    start: reject('ALREADY_STARTED'),
    stop: move(['stopping', 'stopped'], beginStop),
    signal: move([], sendSignal),
    shutdown: move(['stopping', 'stopped'], beginStop),
    spawned: move(['starting', 'running'], startingSpawned),
    spawnFailed: move(['backoff'], startingSpawnFailed),
    exited: move(['backoff', 'running'], startingExited),
    timerFired: move(['running'], startingTimerFired),
    signalGone: move([], signalGone),
    signalFailed: move(['unknown'], signalFailed),
    giveUp: ignore,
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
  stopping: {
    start: move([], stoppingStart),
    stop: reject('NOT_RUNNING'),
    signal: move([], sendSignal),
    shutdown: ignore,
    spawned: ignore,
    spawnFailed: ignore,
    exited: move(['stopped'], stoppingExited),
    timerFired: move(['stopping'], stoppingTimerFired),
    signalGone: move([], signalGone),
    signalFailed: move(['unknown'], signalFailed),
    giveUp: ignore,
  },
  exited: {
    ...idle,
    start: move(['starting'], freshStart),
    stop: reject('NOT_RUNNING'),
    signal: reject('NOT_RUNNING'),
  },
  fatal: {
    ...idle,
    start: move(['starting'], freshStart),
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
