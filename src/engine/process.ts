// One supervised process: holds its state, feeds inputs to the transition table and performs the
// effects through the ports (spawner, clock, logger, bus, output). Children fail as state.

import type { ProcessConfig } from '../config/types.js';
import type { EventBus } from '../events/event-bus.js';
import type { ProcessHealthEvent, ProcessStateEvent } from '../model/events.js';
import { exitStatusCode, type ExitStatus } from '../model/exit-status.js';
import type { Fault } from '../model/faults.js';
import type { ProcessFacts } from '../model/process-facts.js';
import type { ProcessStateName } from '../model/process-state.js';
import type { SignalName } from '../model/signals.js';
import type { Clock, Timer } from '../ports/clock.js';
import type { DaemonLogger } from '../ports/logger.js';
import type { ProcessOutput } from '../ports/process-output.js';
import type { ProbeResult, ProbeSubject, Prober } from '../ports/prober.js';
import type { ChildHandle, Spawner } from '../ports/spawner.js';
import { launch } from './launch.js';
import { logTexts } from './log-texts.js';
import { type Handled, Mailbox } from './mailbox.js';
import { ProbeLoop } from './probe-loop.js';
import {
  healthOf,
  type ProcessHealth,
  probeWanted,
  type ReasonContext,
  waitReason,
} from './process-reason.js';
import {
  type Effect,
  type Input,
  type ProbeKind,
  type ProcessPolicy,
  type ProcessState,
  policyOf,
  type SignalPurpose,
  STATE_NAMES,
  type TimerName,
} from './machine-types.js';
import { makeNamespec } from '../model/namespec.js';
import type { SpawnPacer } from './spawn-pacer.js';
import { planSpawn, type SpawnEnvironment } from './spawn-spec.js';
import { pidOf, stateChangeEvent } from './state-event.js';
import { step } from './transitions.js';

export interface ProcessDeps {
  readonly clock: Clock;
  readonly spawner: Spawner;
  /** every spawn waits for room in the current slice (shared by all processes) */
  readonly spawnPacer: SpawnPacer;
  readonly logger: DaemonLogger;
  readonly bus: EventBus;
  readonly output: ProcessOutput;
  readonly spawnEnv: SpawnEnvironment;
  /** supervisord's mood still allows automatic (re)starts */
  readonly autoStartAllowed: () => boolean;
  /** runs readiness and liveness probes */
  readonly prober: Prober;
  /** what of its depends_on does not hold yet, null when all do (asked only if it has some) */
  readonly waitingFor: (process: SupervisedProcess) => string | null;
}

/** What getProcessInfo reports, in engine terms (protocol/process-info.ts encodes it). */
export interface ProcessInfo extends ProcessFacts {
  readonly namespec: string;
  readonly config: ProcessConfig;
}

export class SupervisedProcess {
  readonly namespec: string;
  private readonly policy: ProcessPolicy;
  private current: ProcessState = { kind: 'stopped' };
  private child: ChildHandle | null = null;
  /** the last child that exited: its process group may still need killLeftovers */
  private exitedChild: ChildHandle | null = null;
  private spawnErr: string | null = null;
  private exitStatus: ExitStatus | null = null;
  private lastChildExit: ExitStatus | null = null;
  private startedAtMs: number | null = null;
  private stoppedAtMs: number | null = null;
  private signalFailure: string | null = null;
  private readonly timers = new Map<TimerName, Timer>();
  private tokens = 0;
  /** restart pacing: paced restarts in a row */
  private streak = 0;
  private probeLoop: ProbeLoop | null = null;
  private readonly mailbox: Mailbox<
    Input,
    Fault | undefined,
    ProcessStateEvent | ProcessHealthEvent
  >;

  constructor(
    readonly config: ProcessConfig,
    private readonly deps: ProcessDeps,
  ) {
    this.namespec = makeNamespec(config.groupName, config.name);
    this.policy = policyOf(config, this.namespec);
    this.mailbox = new Mailbox(
      (input) => this.apply(input),
      (event) => deps.bus.publish(event),
    );
  }

  get state(): ProcessStateName {
    return STATE_NAMES[this.current.kind];
  }

  get pid(): number {
    return pidOf(this.current) ?? 0;
  }

  info(): ProcessInfo {
    const toSec = (ms: number | null): number => (ms === null ? 0 : Math.floor(ms / 1000));
    return {
      name: this.config.name,
      group: this.config.groupName,
      namespec: this.namespec,
      state: this.state,
      pid: this.pid,
      startedAtSec: toSec(this.startedAtMs),
      stoppedAtSec: toSec(this.stoppedAtMs),
      spawnErr: this.spawnErr,
      exitStatus: this.exitStatus === null ? 0 : exitStatusCode(this.exitStatus),
      stdoutLogfile: this.deps.output.stdoutPath,
      stderrLogfile: this.deps.output.stderrPath,
      config: this.config,
      reason: waitReason(this.current, this.policy, this.reasonContext()),
    };
  }

  /** Readiness, liveness, depends_on and restart pacing, as clients see them. */
  health(): ProcessHealth {
    return healthOf(this.current, this.policy, this.reasonContext());
  }

  private reasonContext(): ReasonContext {
    return {
      nowMs: this.deps.clock.monotonicMs(),
      waitingFor: () => this.deps.waitingFor(this),
    };
  }

  /**
   * How its last child ended, a too-quick exit included (which supervisord's exitstatus leaves
   * out); null before any ended. shutdown_on's exit status.
   */
  get lastExit(): ExitStatus | null {
    return this.lastChildExit;
  }

  /** Exited as exitcodes expects (a depends_on `:completed` condition). */
  get completed(): boolean {
    return this.current.kind === 'exited' && this.current.expected;
  }

  /** Spawned and not gone (a depends_on `:started` condition); EXITED counts: it did start. */
  get started(): boolean {
    const state = this.current;
    return (
      (state.kind === 'starting' && state.pid !== null) ||
      state.kind === 'running' ||
      state.kind === 'exited'
    );
  }

  /** Its depends_on may hold now (another process changed state). */
  dependenciesChanged(): void {
    if (this.current.kind === 'waiting') {
      this.send({ type: 'dependenciesChanged' });
    }
  }

  /**
   * startProcess's check order: a command that cannot run is refused without a state change
   * (NO_FILE / NOT_EXECUTABLE); then the table (ALREADY_STARTED, FAILED); then SPAWN_ERROR.
   */
  start(): Fault | undefined {
    const plan = planSpawn(this.config, this.deps.spawnEnv, (file, path) =>
      this.deps.spawner.lookupCommand(file, path),
    );
    if (!plan.ok) {
      return { fault: plan.fault, detail: plan.message };
    }
    const rejected = this.send({ type: 'start' });
    if (rejected !== undefined) {
      return rejected;
    }
    return this.spawnErr === null ? undefined : { fault: 'SPAWN_ERROR', detail: this.namespec };
  }

  /** The first sweep's start: only for a process never started, unlike a client start. */
  autostart(): void {
    if (this.config.autostart && this.startedAtMs === null) {
      this.send({ type: 'start' });
    }
  }

  stop(): Fault | undefined {
    return this.request({ type: 'stop' });
  }

  signal(signal: SignalName): Fault | undefined {
    return this.request({ type: 'signal', signal });
  }

  /** supervisord is going down: stop if up, give up if waiting to retry. */
  shutdown(): void {
    this.send({ type: 'shutdown' });
  }

  /** sendProcessStdin: only to a live process that is not being stopped. */
  writeStdin(chars: string): Fault | undefined {
    if (this.child === null || this.current.kind === 'stopping') {
      return { fault: 'NOT_RUNNING', detail: this.namespec };
    }
    const stdin = this.child.stdin;
    if (stdin === null || stdin.destroyed || stdin.writableEnded) {
      return { fault: 'NO_FILE', detail: this.namespec };
    }
    stdin.write(chars);
    return undefined;
  }

  /** The process object goes away: drop its timers and release its output when drained. */
  close(): Promise<void> {
    this.deps.spawnPacer.cancel(this);
    this.probeLoop?.stop();
    this.probeLoop = null;
    for (const timer of this.timers.values()) {
      timer.cancel();
    }
    this.timers.clear();
    return this.deps.output.close();
  }

  /** A stop or signal the OS refused is FAILED, with the text the main log got. */
  private request(input: Input): Fault | undefined {
    this.takeSignalFailure();
    const rejected = this.send(input);
    if (rejected !== undefined) {
      return rejected;
    }
    const failure = this.takeSignalFailure();
    return failure === null ? undefined : { fault: 'FAILED', detail: failure };
  }

  private takeSignalFailure(): string | null {
    const failure = this.signalFailure;
    this.signalFailure = null;
    return failure;
  }

  private send(input: Input): Fault | undefined {
    return this.mailbox.send(input);
  }

  private apply(input: Input): Handled<Input, Fault | undefined> {
    const handled = this.applyStep(input);
    if (input.type === 'exited') {
      // supervisord reaps a child (and logs its exited:/stopped: line), then handles the SIGCHLD
      // that woke it; scripts wait for this line. What the exit starts (a respawn) comes after.
      this.deps.logger.log('debug', logTexts.childQuit);
    }
    return handled;
  }

  private applyStep(input: Input): Handled<Input, Fault | undefined> {
    const outcome = step(this.current, input, this.policy, {
      nowMs: this.deps.clock.monotonicMs(),
      token: ++this.tokens,
      autoStartAllowed: this.deps.autoStartAllowed(),
      waitingFor: this.config.dependsOn.length === 0 ? null : this.deps.waitingFor(this),
      streak: this.streak,
    });
    switch (outcome.kind) {
      case 'ignore':
        return { result: undefined, followUps: [] };
      case 'reject':
        return { result: outcome.fault, followUps: [] };
      case 'next':
        break;
    }
    const from = this.current;
    this.current = outcome.state;
    // waiting → starting (its dependencies hold: the spawn) stays STARTING for every client,
    // so it is no PROCESS_STATE event: supervisord never sends STARTING → STARTING.
    if (STATE_NAMES[from.kind] !== STATE_NAMES[outcome.state.kind]) {
      this.mailbox.emit(stateChangeEvent(this.config, from, outcome.state));
    }
    const followUps: Input[] = [];
    for (const effect of outcome.effects) {
      const answer = this.perform(effect);
      if (answer !== undefined) {
        followUps.push(answer);
      }
    }
    if (outcome.then !== undefined) {
      followUps.push(outcome.then);
    }
    this.syncProbe();
    return { result: undefined, followUps };
  }

  /** Run the probe the state wants (readiness in STARTING, liveness in RUNNING), and only it. */
  private syncProbe(): void {
    const wanted = probeWanted(this.current, this.policy);
    const loop = this.probeLoop;
    if (loop !== null && loop.kind === wanted?.kind && loop.pid === wanted.pid) {
      return;
    }
    loop?.stop();
    this.probeLoop = null;
    const child = this.child;
    if (wanted === null || child === null || child.pid !== wanted.pid) {
      return;
    }
    const settings = wanted.kind === 'readiness' ? this.config.readiness : this.config.liveness;
    if (settings === null) {
      return;
    }
    this.probeLoop = new ProbeLoop(wanted.kind, wanted.pid, settings, {
      clock: this.deps.clock,
      prober: this.deps.prober,
      subject: () => this.probeSubject(),
      report: (kind, result) => this.probed(kind, result),
    });
    this.probeLoop.start(child);
  }

  private probed(kind: ProbeKind, result: ProbeResult): void {
    this.send({
      type: 'probed',
      probe: kind,
      ok: result.ok,
      reason: result.ok ? null : result.reason,
    });
  }

  /** An exec probe runs with the program's environment, directory and user. */
  private probeSubject(): ProbeSubject {
    const plan = planSpawn(this.config, this.deps.spawnEnv, (file, path) =>
      this.deps.spawner.lookupCommand(file, path),
    );
    return plan.ok
      ? { env: plan.spec.env, cwd: plan.spec.cwd, uid: plan.spec.uid, gid: plan.spec.gid }
      : { env: {}, cwd: this.config.directory, uid: null, gid: null };
  }

  private perform(effect: Effect): Input | undefined {
    switch (effect.type) {
      case 'spawn':
        return this.deps.spawnPacer.submit(
          this,
          () => this.spawn(),
          () => this.spawnWhenDue(),
        );
      case 'signal':
        return this.deliver(effect.signal, effect.group, effect.purpose);
      case 'armTimer':
        this.arm(effect.timer, effect.delayMs, effect.token);
        return undefined;
      case 'cancelTimer':
        this.timers.get(effect.timer)?.cancel();
        this.timers.delete(effect.timer);
        return undefined;
      case 'log':
        this.deps.logger.log(effect.level, effect.text);
        return undefined;
      case 'setSpawnError':
        this.spawnErr = effect.text;
        return undefined;
      case 'setExitStatus':
        this.exitStatus = effect.status;
        return undefined;
      case 'setStreak':
        this.streak = effect.streak;
        return undefined;
      case 'announceHealth':
        this.mailbox.emit({
          type: 'PROCESS_HEALTH',
          change: effect.change,
          processName: this.config.name,
          groupName: this.config.groupName,
          pid: effect.pid,
          failures: effect.failures,
          reason: effect.reason,
        });
        return undefined;
      case 'killLeftovers':
        this.killLeftovers(effect.pid);
        return undefined;
    }
  }

  private killLeftovers(pid: number): void {
    const leader = this.exitedChild;
    if (leader?.pid !== pid) {
      return;
    }
    if (leader.signal('KILL', true).kind === 'sent') {
      this.deps.logger.log('info', logTexts.killedLeftovers(this.config.name, pid));
    }
  }

  /** A paced spawn's turn has come: spawn if the process still waits for one. */
  private spawnWhenDue(): void {
    if (this.current.kind === 'starting' && this.current.pid === null && this.child === null) {
      this.send(this.spawn());
    }
  }

  private spawn(): Input {
    this.startedAtMs = this.deps.clock.wallMs();
    const launched = launch(this.config, this.deps.spawnEnv, this.deps.spawner);
    if (!launched.ok) {
      return { type: 'spawnFailed', message: launched.spawnErr };
    }
    const child = launched.child;
    this.child = child;
    this.deps.output.attach(child);
    child.onExit((status) => {
      this.childExited(child, status);
    });
    return { type: 'spawned', pid: child.pid };
  }

  private childExited(child: ChildHandle, status: ExitStatus): void {
    if (this.child !== child) {
      return;
    }
    this.child = null;
    this.exitedChild = child;
    this.lastChildExit = status;
    this.stoppedAtMs = this.deps.clock.wallMs();
    this.send({ type: 'exited', status });
  }

  private deliver(signal: SignalName, group: boolean, purpose: SignalPurpose): Input | undefined {
    const child = this.child;
    if (child === null) {
      return { type: 'signalGone', purpose };
    }
    const result = child.signal(signal, group);
    switch (result.kind) {
      case 'sent':
        return undefined;
      case 'gone':
        return { type: 'signalGone', purpose };
      case 'error':
        this.signalFailure = logTexts.signalFailed(
          this.config.name,
          child.pid,
          purpose,
          result.message,
        );
        return { type: 'signalFailed', purpose, message: result.message };
    }
  }

  private arm(name: TimerName, delayMs: number, token: number): void {
    this.timers.get(name)?.cancel();
    const timer = this.deps.clock.setTimer(delayMs, () => {
      if (this.timers.get(name) === timer) {
        this.timers.delete(name);
      }
      this.send({ type: 'timerFired', timer: name, token });
    });
    this.timers.set(name, timer);
  }
}
