import { describe, expect, it } from 'vitest';

import type {
  Effect,
  Input,
  Outcome,
  ProcessPolicy,
  ProcessState,
  StepContext,
} from './machine-types.js';
import { step } from './transitions.js';

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

const timerFired = (token: number): Input => ({ type: 'timerFired', timer: 'backoff', token });
const at = (nowMs: number, token = 100): StepContext => ({
  nowMs,
  token,
  autoStartAllowed: true,
  waitingFor: null,
  streak: 0,
});
const effectsOf = (outcome: Outcome): readonly Effect[] =>
  outcome.kind === 'next' ? outcome.effects : [];
const logsOf = (outcome: Outcome): string[] =>
  effectsOf(outcome).flatMap((e) => (e.type === 'log' ? [`${e.level} ${e.text}`] : []));

describe('starting', () => {
  const starting: ProcessState = {
    kind: 'starting',
    pid: 42,
    tries: 0,
    startedAtMs: 1000,
    timer: 5,
  };

  it('arms the promotion one ms past startsecs, since supervisord needs strictly more', () => {
    const pending: ProcessState = { ...starting, pid: null, timer: null };
    const outcome = step(pending, { type: 'spawned', pid: 42 }, policy, at(1000, 6));
    expect(effectsOf(outcome)).toContainEqual({
      type: 'armTimer',
      timer: 'startsecs',
      delayMs: 1001,
      token: 6,
    });
    expect(logsOf(outcome)).toEqual(["info spawned: 'web' with pid 42"]);
  });

  it('is RUNNING at once with startsecs=0', () => {
    const pending: ProcessState = { ...starting, pid: null, timer: null };
    const outcome = step(pending, { type: 'spawned', pid: 42 }, { ...policy, startMs: 0 }, at(0));
    expect(outcome).toMatchObject({ kind: 'next', state: { kind: 'running', pid: 42 } });
    expect(logsOf(outcome)).toEqual([
      "info spawned: 'web' with pid 42",
      'info success: web entered RUNNING state, process has stayed up for > than 0 seconds (startsecs)',
    ]);
  });

  it('calls an exit before startsecs too quick, even with an expected code', () => {
    const outcome = step(
      starting,
      { type: 'exited', status: { kind: 'exited', code: 0 } },
      policy,
      at(1999),
    );
    expect(outcome).toMatchObject({ state: { kind: 'backoff', tries: 1 } });
    expect(effectsOf(outcome)).toContainEqual({
      type: 'setSpawnError',
      text: 'Exited too quickly (process log may have details)',
    });
    expect(effectsOf(outcome)).toContainEqual({ type: 'setExitStatus', status: null });
    expect(logsOf(outcome)).toEqual(['warn exited: web (exit status 0; not expected)']);
  });

  it('reports an exit at exactly startsecs as RUNNING then EXITED', () => {
    const exited: Input = { type: 'exited', status: { kind: 'exited', code: 0 } };
    const outcome = step(starting, exited, policy, at(2000));
    expect(outcome).toMatchObject({ state: { kind: 'running', pid: 42 }, then: exited });
    expect(logsOf(outcome)).toEqual([]);
  });

  it('promotes on its own timer with the success line', () => {
    const outcome = step(
      starting,
      { type: 'timerFired', timer: 'startsecs', token: 5 },
      policy,
      at(2001),
    );
    expect(logsOf(outcome)).toEqual([
      'info success: web entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    ]);
  });

  it('records a spawn error with the spawnerr line', () => {
    const pending: ProcessState = { ...starting, pid: null, timer: null };
    const outcome = step(pending, { type: 'spawnFailed', message: 'boom' }, policy, at(0));
    expect(logsOf(outcome)).toEqual(['info spawnerr: boom']);
    expect(effectsOf(outcome)).toContainEqual({ type: 'setSpawnError', text: 'boom' });
  });

  it.each(['stop', 'shutdown'] as const)(
    'a %s before the paced spawn has run: STOPPED, nothing to signal',
    (type) => {
      const pending: ProcessState = { ...starting, pid: null, timer: null };
      const outcome = step(pending, { type }, policy, at(0));
      expect(outcome).toMatchObject({ kind: 'next', state: { kind: 'stopped' } });
      expect(effectsOf(outcome).filter((e) => e.type !== 'log')).toEqual([]);
      expect(logsOf(outcome)).toEqual(['debug stopped: web (before it was spawned)']);
    },
  );

  it('counts startsecs from the spawn, not from the start decision', () => {
    const pending: ProcessState = { ...starting, pid: null, timer: null, startedAtMs: 0 };
    const spawned = step(pending, { type: 'spawned', pid: 42 }, policy, at(5000, 6));
    expect(spawned).toMatchObject({ state: { kind: 'starting', pid: 42, startedAtMs: 5000 } });
    if (spawned.kind !== 'next') {
      throw new Error('not a move');
    }
    const exited = step(
      spawned.state,
      { type: 'exited', status: { kind: 'exited', code: 0 } },
      policy,
      at(5500),
    );
    expect(exited).toMatchObject({ state: { kind: 'backoff', tries: 1 } });
  });
});

describe('backoff', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 3000],
  ])('failure %i waits %i ms', (tries, delayMs) => {
    const starting: ProcessState = {
      kind: 'starting',
      pid: null,
      tries: tries - 1,
      startedAtMs: 0,
      timer: null,
    };
    const outcome = step(starting, { type: 'spawnFailed', message: 'x' }, policy, at(0, 9));
    expect(outcome).toMatchObject({ state: { kind: 'backoff', tries, timer: 9 } });
    expect(effectsOf(outcome)).toContainEqual({
      type: 'armTimer',
      timer: 'backoff',
      delayMs,
      token: 9,
    });
  });

  it('gives up after startretries + 1 attempts', () => {
    const starting: ProcessState = {
      kind: 'starting',
      pid: null,
      tries: 3,
      startedAtMs: 0,
      timer: null,
    };
    const outcome = step(starting, { type: 'spawnFailed', message: 'x' }, policy, at(0));
    expect(outcome).toMatchObject({
      state: { kind: 'backoff', tries: 4, timer: null },
      then: { type: 'giveUp' },
    });
    const fatal = step(
      { kind: 'backoff', tries: 4, timer: null },
      { type: 'giveUp' },
      policy,
      at(0),
    );
    expect(logsOf(fatal)).toEqual([
      'info gave up: web entered FATAL state, too many start retries too quickly',
    ]);
  });

  it('retries with its failure count, and not while supervisord is going down', () => {
    const backoff: ProcessState = { kind: 'backoff', tries: 2, timer: 3 };
    expect(step(backoff, timerFired(3), policy, at(0))).toMatchObject({
      state: { kind: 'starting', tries: 2, pid: null },
    });
    expect(step(backoff, timerFired(3), policy, { ...at(0), autoStartAllowed: false })).toEqual({
      kind: 'ignore',
    });
  });

  it('drops a timer whose token is stale', () => {
    const backoff: ProcessState = { kind: 'backoff', tries: 2, timer: 3 };
    expect(step(backoff, timerFired(2), policy, at(0))).toEqual({ kind: 'ignore' });
  });

  it('stops without a signal', () => {
    const outcome = step({ kind: 'backoff', tries: 1, timer: 3 }, { type: 'stop' }, policy, at(0));
    expect(logsOf(outcome)).toEqual(['debug Attempted to kill web, which is in BACKOFF state.']);
    expect(effectsOf(outcome).some((e) => e.type === 'signal')).toBe(false);
  });
});

describe('running exits', () => {
  const running: ProcessState = { kind: 'running', pid: 42 };
  const exit = (code: number): Input => ({ type: 'exited', status: { kind: 'exited', code } });

  it.each([
    ['always', 0, true],
    ['always', 1, true],
    ['never', 0, false],
    ['never', 1, false],
    ['unexpected', 0, false],
    ['unexpected', 1, true],
  ] as const)('autorestart=%s, exit %i: restart %s', (autorestart, code, restarts) => {
    const outcome = step(running, exit(code), { ...policy, autorestart }, at(0));
    expect(outcome.kind === 'next' && outcome.then?.type === 'autorestart').toBe(restarts);
  });

  it('does not restart while supervisord is going down', () => {
    const outcome = step(running, exit(1), policy, { ...at(0), autoStartAllowed: false });
    expect(outcome).toMatchObject({ kind: 'next', state: { kind: 'exited' } });
    expect(outcome).not.toHaveProperty('then');
  });

  it('words expected and unexpected exits', () => {
    expect(logsOf(step(running, exit(0), policy, at(0)))).toEqual([
      'info exited: web (exit status 0; expected)',
    ]);
    const bad = step(running, exit(3), policy, at(0));
    expect(logsOf(bad)).toEqual(['warn exited: web (exit status 3; not expected)']);
    expect(effectsOf(bad)).toContainEqual({ type: 'setSpawnError', text: 'Bad exit code 3' });
  });

  it('never expects a death by signal', () => {
    const killed: Input = {
      type: 'exited',
      status: { kind: 'signalled', signal: 'SEGV', coreDumped: true },
    };
    const outcome = step(running, killed, { ...policy, exitCodes: [0, -1] }, at(0));
    expect(outcome).toMatchObject({ state: { kind: 'exited', expected: false } });
    expect(logsOf(outcome)).toEqual([
      'warn exited: web (terminated by SIGSEGV (core dumped); not expected)',
    ]);
    expect(effectsOf(outcome)).toContainEqual({ type: 'setSpawnError', text: 'Bad exit code -1' });
  });
});

describe('stopping', () => {
  const grouped = { ...policy, stopAsGroup: true, killAsGroup: true, stopSignal: 'INT' } as const;

  it('sends stopsignal to the group with stopasgroup and arms stopwaitsecs', () => {
    const outcome = step({ kind: 'running', pid: 42 }, { type: 'stop' }, grouped, at(0, 8));
    expect(effectsOf(outcome)).toEqual([
      {
        type: 'log',
        level: 'debug',
        text: 'killing web (pid 42) process group with signal SIGINT',
      },
      { type: 'signal', signal: 'INT', group: true, purpose: 'stop' },
      { type: 'armTimer', timer: 'stopwait', delayMs: 10_000, token: 8 },
    ]);
  });

  it('escalates to SIGKILL and re-arms, so the kill repeats', () => {
    const stopping: ProcessState = { kind: 'stopping', pid: 42, timer: 8 };
    const outcome = step(
      stopping,
      { type: 'timerFired', timer: 'stopwait', token: 8 },
      grouped,
      at(0, 9),
    );
    expect(outcome).toMatchObject({ state: { kind: 'stopping', timer: 9 } });
    expect(effectsOf(outcome)).toEqual([
      { type: 'log', level: 'warn', text: "killing 'web' (42) with SIGKILL" },
      {
        type: 'log',
        level: 'debug',
        text: 'killing web (pid 42) process group with signal SIGKILL',
      },
      { type: 'signal', signal: 'KILL', group: true, purpose: 'kill' },
      { type: 'armTimer', timer: 'stopwait', delayMs: 10_000, token: 9 },
    ]);
  });

  it.each([
    [{ kind: 'exited', code: 0 }, 'info stopped: web (exit status 0)'],
    [{ kind: 'exited', code: 143 }, 'warn stopped: web (exit status 143)'],
    [
      { kind: 'signalled', signal: 'TERM', coreDumped: false },
      'warn stopped: web (terminated by SIGTERM)',
    ],
  ] as const)('logs the stop of %j as %s', (status, line) => {
    const stopping: ProcessState = { kind: 'stopping', pid: 42, timer: 8 };
    expect(logsOf(step(stopping, { type: 'exited', status }, policy, at(0)))).toEqual([line]);
  });

  it('goes UNKNOWN when the OS refuses the signal', () => {
    const stopping: ProcessState = { kind: 'stopping', pid: 42, timer: 8 };
    const input: Input = { type: 'signalFailed', purpose: 'stop', message: 'EPERM' };
    expect(logsOf(step(stopping, input, policy, at(0)))).toEqual([
      'critical unknown problem killing web (42):EPERM',
    ]);
  });

  it('tolerates ESRCH with a debug line only', () => {
    const stopping: ProcessState = { kind: 'stopping', pid: 42, timer: 8 };
    const outcome = step(stopping, { type: 'signalGone', purpose: 'stop' }, policy, at(0));
    expect(outcome).toMatchObject({ state: stopping });
    expect(logsOf(outcome)).toEqual([
      'debug unable to signal web (pid 42), it probably just exited on its own: [Errno 3] No such process',
    ]);
  });
});

describe('signals', () => {
  it('signals the pid only, never the group', () => {
    const outcome = step(
      { kind: 'running', pid: 42 },
      { type: 'signal', signal: 'USR1' },
      { ...policy, stopAsGroup: true, killAsGroup: true },
      at(0),
    );
    expect(effectsOf(outcome)).toEqual([
      { type: 'log', level: 'debug', text: 'sending web (pid 42) sig SIGUSR1' },
      { type: 'signal', signal: 'USR1', group: false, purpose: 'user' },
    ]);
  });

  it('names the process in rejections', () => {
    expect(step({ kind: 'unknown', pid: 1 }, { type: 'start' }, policy, at(0))).toEqual({
      kind: 'reject',
      fault: { fault: 'FAILED', detail: 'site:web is in an unknown process state' },
    });
    expect(step({ kind: 'fatal' }, { type: 'stop' }, policy, at(0))).toEqual({
      kind: 'reject',
      fault: { fault: 'NOT_RUNNING', detail: 'site:web' },
    });
  });
});

describe('killasgroup leftovers (our addition: supervisord leaves them orphaned)', () => {
  const grouped: ProcessPolicy = { ...policy, stopAsGroup: true, killAsGroup: true };
  const leftovers = (outcome: Outcome): Effect[] =>
    effectsOf(outcome).filter((e) => e.type === 'killLeftovers');
  const exit: Input = {
    type: 'exited',
    status: { kind: 'signalled', signal: 'KILL', coreDumped: false },
  };

  it.each<[string, ProcessState]>([
    ['running', { kind: 'running', pid: 42 }],
    ['stopping', { kind: 'stopping', pid: 42, timer: 3 }],
    ['starting (too quick)', { kind: 'starting', pid: 42, tries: 0, startedAtMs: 1000, timer: 5 }],
    ['unknown', { kind: 'unknown', pid: 42 }],
  ])('kills what is left of the group when the leader exits from %s', (_name, state) => {
    expect(leftovers(step(state, exit, grouped, at(1500)))).toEqual([
      { type: 'killLeftovers', pid: 42 },
    ]);
    expect(leftovers(step(state, exit, policy, at(1500)))).toEqual([]);
  });

  it('kills the leftovers before the autorestart that follows', () => {
    const outcome = step(
      { kind: 'running', pid: 42 },
      exit,
      { ...grouped, autorestart: 'always' },
      at(5000),
    );
    expect(outcome).toMatchObject({ kind: 'next', then: { type: 'autorestart', streak: 1 } });
    expect(effectsOf(outcome)[0]).toEqual({ type: 'killLeftovers', pid: 42 });
  });
});

describe('restart triggers (memory, cron, watch)', () => {
  const reason = 'memory 612 MB > 512 MB';
  const trigger: Input = { type: 'trigger', reason };

  it('RUNNING: a normal stop that remembers to start again, logged with the reason', () => {
    const running: ProcessState = { kind: 'running', pid: 42, sinceMs: 1000 };
    const outcome = step(running, trigger, policy, at(5000, 7));
    expect(outcome).toEqual({
      kind: 'next',
      state: { kind: 'stopping', pid: 42, timer: 7, after: { kind: 'trigger', reason, streak: 1 } },
      effects: [
        { type: 'log', level: 'info', text: 'restarting web: memory 612 MB > 512 MB' },
        { type: 'noteTrigger', reason },
        { type: 'log', level: 'debug', text: 'killing web (pid 42) with signal SIGTERM' },
        { type: 'signal', signal: 'TERM', group: false, purpose: 'stop' },
        { type: 'armTimer', timer: 'stopwait', delayMs: 10_000, token: 7 },
      ],
    });
  });

  it('stopasgroup signals the group with the stopsignal', () => {
    const running: ProcessState = { kind: 'running', pid: 42 };
    const outcome = step(
      running,
      trigger,
      { ...policy, stopSignal: 'INT', stopAsGroup: true, killAsGroup: true },
      at(5000),
    );
    expect(effectsOf(outcome)).toContainEqual({
      type: 'signal',
      signal: 'INT',
      group: true,
      purpose: 'stop',
    });
  });

  it('restart pacing: a restart soon after the last one continues the streak', () => {
    const running: ProcessState = { kind: 'running', pid: 42, sinceMs: 4000 };
    const outcome = step(running, trigger, policy, { ...at(5000), streak: 3 });
    expect(outcome.kind === 'next' && outcome.state).toMatchObject({
      after: { kind: 'trigger', streak: 4 },
    });
    const calm = step(running, trigger, policy, { ...at(4000 + 600_000), streak: 3 });
    expect(calm.kind === 'next' && calm.state).toMatchObject({
      after: { kind: 'trigger', streak: 1 },
    });
  });

  it('STOPPING after a trigger: the exit is a stop, then an autorestart with the streak', () => {
    const stopping: ProcessState = {
      kind: 'stopping',
      pid: 42,
      timer: 7,
      after: { kind: 'trigger', reason, streak: 2 },
    };
    const exited: Input = {
      type: 'exited',
      status: { kind: 'signalled', signal: 'TERM', coreDumped: false },
    };
    const outcome = step(stopping, exited, policy, at(6000));
    expect(outcome).toMatchObject({
      kind: 'next',
      state: { kind: 'stopped' },
      then: { type: 'autorestart', streak: 2 },
    });
    expect(logsOf(outcome)).toEqual(['warn stopped: web (terminated by SIGTERM)']);
    // While the daemon shuts down, nothing starts again.
    const down = step(stopping, exited, policy, { ...at(6000), autoStartAllowed: false });
    expect(down).toMatchObject({ kind: 'next', state: { kind: 'stopped' } });
    expect(down.kind === 'next' && down.then).toBeUndefined();
  });

  it('a client stop or shutdown during it keeps the stop and drops the restart', () => {
    const stopping: ProcessState = {
      kind: 'stopping',
      pid: 42,
      timer: 7,
      after: { kind: 'trigger', reason, streak: 1 },
    };
    for (const input of [{ type: 'stop' }, { type: 'shutdown' }] as const) {
      expect(step(stopping, input, policy, at(6000))).toEqual({
        kind: 'next',
        state: { kind: 'stopping', pid: 42, timer: 7 },
        effects: [],
      });
    }
  });

  it.each(['stopped', 'starting', 'backoff', 'stopping', 'exited', 'fatal'] as const)(
    'only RUNNING is restarted: %s ignores it',
    (kind) => {
      const states: Record<typeof kind, ProcessState> = {
        stopped: { kind: 'stopped' },
        starting: { kind: 'starting', pid: 42, tries: 0, startedAtMs: 0, timer: 5 },
        backoff: { kind: 'backoff', tries: 1, timer: 5 },
        stopping: { kind: 'stopping', pid: 42, timer: 5 },
        exited: { kind: 'exited', expected: true },
        fatal: { kind: 'fatal' },
      };
      expect(step(states[kind], trigger, policy, at(5000))).toEqual({ kind: 'ignore' });
    },
  );
});
