import { describe, expect, it } from 'vitest';

import {
  INPUT_TYPES,
  type Input,
  type InputType,
  type Outcome,
  type ProcessPolicy,
  type ProcessState,
  STATE_KINDS,
  STATE_NAMES,
  type StateKind,
  type StepContext,
} from './machine-types.js';
import { step, TRANSITIONS } from './transitions.js';

const policy: ProcessPolicy = {
  name: 'web',
  namespec: 'site:web',
  startMs: 1000,
  startRetries: 3,
  autorestart: 'unexpected',
  exitCodes: [0],
  stopSignal: 'TERM',
  stopWaitMs: 10_000,
  stopAsGroup: false,
  killAsGroup: false,
  readiness: null,
  liveness: null,
  restartPacing: { delayMs: 0, backoffMaxMs: 0, resetMs: 600_000, retryForever: false },
};

const ctx: StepContext = {
  nowMs: 5000,
  token: 99,
  autoStartAllowed: true,
  waitingFor: null,
  streak: 0,
};

/** One representative of each state: a live pid where there can be one, timer token 7. */
const SAMPLE_STATES: { readonly [K in StateKind]: ProcessState } = {
  stopped: { kind: 'stopped' },
  waiting: { kind: 'waiting' },
  starting: { kind: 'starting', pid: 42, tries: 1, startedAtMs: 4500, timer: 7 },
  running: { kind: 'running', pid: 42 },
  backoff: { kind: 'backoff', tries: 2, timer: 7 },
  delayed: { kind: 'delayed', timer: 7, untilMs: 9000 },
  stopping: { kind: 'stopping', pid: 42, timer: 7 },
  exited: { kind: 'exited', expected: false },
  fatal: { kind: 'fatal' },
  unknown: { kind: 'unknown', pid: 42 },
};

const SAMPLE_INPUTS: { readonly [T in InputType]: Input } = {
  start: { type: 'start' },
  autorestart: { type: 'autorestart', streak: 1 },
  stop: { type: 'stop' },
  signal: { type: 'signal', signal: 'HUP' },
  shutdown: { type: 'shutdown' },
  spawned: { type: 'spawned', pid: 43 },
  spawnFailed: { type: 'spawnFailed', message: "can't find command 'web'" },
  exited: { type: 'exited', status: { kind: 'exited', code: 1 } },
  timerFired: { type: 'timerFired', timer: 'stopwait', token: 7 },
  signalGone: { type: 'signalGone', purpose: 'stop' },
  signalFailed: { type: 'signalFailed', purpose: 'stop', message: 'EPERM' },
  giveUp: { type: 'giveUp' },
  probed: { type: 'probed', probe: 'readiness', ok: true, reason: null },
  dependenciesChanged: { type: 'dependenciesChanged' },
  trigger: { type: 'trigger', reason: 'memory 612 MB > 512 MB' },
};

/** `ignore`, `reject FAULT`, or `NEXT_STATE: effect types [then input]`. */
const summarize = (outcome: Outcome): string => {
  switch (outcome.kind) {
    case 'ignore':
      return 'ignore';
    case 'reject':
      return `reject ${outcome.fault.fault}`;
    case 'next': {
      const effects = outcome.effects.map((e) => e.type).join(' ');
      const then = outcome.then === undefined ? '' : ` then ${outcome.then.type}`;
      return `${STATE_NAMES[outcome.state.kind]}: ${effects}${then}`.trim();
    }
  }
};

/** What each cell does to the sample state: the whole table, written out as expectations. */
const EXPECTED: { readonly [K in StateKind]: { readonly [T in InputType]: string } } = {
  stopped: {
    start: 'STARTING: setSpawnError setExitStatus spawn',
    autorestart: 'STARTING: setSpawnError setExitStatus spawn',
    stop: 'reject NOT_RUNNING',
    signal: 'reject NOT_RUNNING',
    shutdown: 'ignore',
    spawned: 'ignore',
    spawnFailed: 'ignore',
    exited: 'ignore',
    timerFired: 'ignore',
    signalGone: 'ignore',
    signalFailed: 'ignore',
    giveUp: 'ignore',
    probed: 'ignore',
    dependenciesChanged: 'ignore',
    trigger: 'ignore',
  },
  waiting: {
    start: 'reject ALREADY_STARTED',
    autorestart: 'ignore',
    stop: 'STOPPED: log',
    signal: 'reject NOT_RUNNING',
    shutdown: 'STOPPED: log',
    spawned: 'ignore',
    spawnFailed: 'ignore',
    exited: 'ignore',
    timerFired: 'ignore',
    signalGone: 'ignore',
    signalFailed: 'ignore',
    giveUp: 'ignore',
    probed: 'ignore',
    dependenciesChanged: 'STARTING: setSpawnError setExitStatus spawn',
    trigger: 'ignore',
  },
  starting: {
    start: 'reject ALREADY_STARTED',
    autorestart: 'ignore',
    stop: 'STOPPING: cancelTimer log signal armTimer',
    signal: 'STARTING: log signal',
    shutdown: 'STOPPING: cancelTimer log signal armTimer',
    spawned: 'STARTING: log armTimer',
    spawnFailed: 'BACKOFF: log setSpawnError armTimer',
    exited: 'BACKOFF: cancelTimer setExitStatus setSpawnError log armTimer',
    timerFired: 'RUNNING: log',
    signalGone: 'STARTING: log',
    signalFailed: 'UNKNOWN: cancelTimer log',
    giveUp: 'ignore',
    probed: 'ignore',
    dependenciesChanged: 'ignore',
    trigger: 'ignore',
  },
  running: {
    start: 'reject ALREADY_STARTED',
    autorestart: 'ignore',
    stop: 'STOPPING: log signal armTimer',
    signal: 'RUNNING: log signal',
    shutdown: 'STOPPING: log signal armTimer',
    spawned: 'ignore',
    spawnFailed: 'ignore',
    exited: 'EXITED: setExitStatus setSpawnError log then autorestart',
    timerFired: 'ignore',
    signalGone: 'RUNNING: log',
    signalFailed: 'UNKNOWN: log',
    giveUp: 'ignore',
    probed: 'ignore',
    dependenciesChanged: 'ignore',
    trigger: 'STOPPING: log noteTrigger log signal armTimer',
  },
  backoff: {
    start: 'reject ALREADY_STARTED',
    autorestart: 'ignore',
    stop: 'STOPPED: cancelTimer log',
    signal: 'reject NOT_RUNNING',
    shutdown: 'FATAL: cancelTimer',
    spawned: 'ignore',
    spawnFailed: 'ignore',
    exited: 'ignore',
    timerFired: 'STARTING: setSpawnError setExitStatus spawn',
    signalGone: 'ignore',
    signalFailed: 'ignore',
    giveUp: 'FATAL: cancelTimer log',
    probed: 'ignore',
    dependenciesChanged: 'ignore',
    trigger: 'ignore',
  },
  delayed: {
    start: 'STARTING: cancelTimer setSpawnError setExitStatus spawn',
    autorestart: 'ignore',
    stop: 'STOPPED: cancelTimer log',
    signal: 'reject NOT_RUNNING',
    shutdown: 'STOPPED: cancelTimer log',
    spawned: 'ignore',
    spawnFailed: 'ignore',
    exited: 'ignore',
    timerFired: 'STARTING: setSpawnError setExitStatus spawn',
    signalGone: 'ignore',
    signalFailed: 'ignore',
    giveUp: 'ignore',
    probed: 'ignore',
    dependenciesChanged: 'ignore',
    trigger: 'ignore',
  },
  stopping: {
    start: 'STOPPING: log',
    autorestart: 'ignore',
    stop: 'reject NOT_RUNNING',
    signal: 'STOPPING: log signal',
    shutdown: 'ignore',
    spawned: 'ignore',
    spawnFailed: 'ignore',
    exited: 'STOPPED: cancelTimer setExitStatus log',
    timerFired: 'STOPPING: log log signal armTimer',
    signalGone: 'STOPPING: log',
    signalFailed: 'UNKNOWN: cancelTimer log',
    giveUp: 'ignore',
    probed: 'ignore',
    dependenciesChanged: 'ignore',
    trigger: 'ignore',
  },
  exited: {
    start: 'STARTING: setSpawnError setExitStatus spawn',
    autorestart: 'STARTING: setSpawnError setExitStatus spawn',
    stop: 'reject NOT_RUNNING',
    signal: 'reject NOT_RUNNING',
    shutdown: 'ignore',
    spawned: 'ignore',
    spawnFailed: 'ignore',
    exited: 'ignore',
    timerFired: 'ignore',
    signalGone: 'ignore',
    signalFailed: 'ignore',
    giveUp: 'ignore',
    probed: 'ignore',
    dependenciesChanged: 'ignore',
    trigger: 'ignore',
  },
  fatal: {
    start: 'STARTING: setSpawnError setExitStatus spawn',
    autorestart: 'ignore',
    stop: 'reject NOT_RUNNING',
    signal: 'reject NOT_RUNNING',
    shutdown: 'ignore',
    spawned: 'ignore',
    spawnFailed: 'ignore',
    exited: 'ignore',
    timerFired: 'ignore',
    signalGone: 'ignore',
    signalFailed: 'ignore',
    giveUp: 'ignore',
    probed: 'ignore',
    dependenciesChanged: 'ignore',
    trigger: 'ignore',
  },
  unknown: {
    start: 'reject FAILED',
    autorestart: 'ignore',
    stop: 'reject NOT_RUNNING',
    signal: 'reject NOT_RUNNING',
    shutdown: 'ignore',
    spawned: 'ignore',
    spawnFailed: 'ignore',
    exited: 'STOPPED: setExitStatus log',
    timerFired: 'ignore',
    signalGone: 'ignore',
    signalFailed: 'ignore',
    giveUp: 'ignore',
    probed: 'ignore',
    dependenciesChanged: 'ignore',
    trigger: 'ignore',
  },
};

const CELLS = STATE_KINDS.flatMap((state) =>
  INPUT_TYPES.map((input) => [state, input] as [StateKind, InputType]),
);

describe('the transition table', () => {
  it('has a decided cell for every state × input', () => {
    expect(CELLS).toHaveLength(10 * 15);
    for (const [state, input] of CELLS) {
      expect(TRANSITIONS[state][input].kind).toMatch(/^(ignore|reject|move)$/);
    }
  });

  it.each(CELLS)('%s + %s', (state, input) => {
    const outcome = step(SAMPLE_STATES[state], SAMPLE_INPUTS[input], policy, ctx);
    expect(summarize(outcome)).toBe(EXPECTED[state][input]);
  });

  it.each(CELLS)('%s + %s only moves where the table says it may', (state, input) => {
    const cell = TRANSITIONS[state][input];
    const outcome = step(SAMPLE_STATES[state], SAMPLE_INPUTS[input], policy, ctx);
    if (cell.kind !== 'move') {
      expect(outcome.kind).toBe(cell.kind);
    } else if (outcome.kind === 'next') {
      expect(cell.to.length === 0 ? [state] : cell.to).toContain(outcome.state.kind);
    }
  });
});
