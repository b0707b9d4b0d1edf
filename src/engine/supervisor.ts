// The engine's facade for the daemon and the RPC layer: the registry of groups, name lookup,
// start/stop/signal of one process, a group or all, autostart, waiting, and the ordered shutdown.

import type { GroupConfig, ProcessConfig, SupervisordConfig } from '../config/types.js';
import type { EventBus } from '../events/event-bus.js';
import type { Fault } from '../model/faults.js';
import { isRunningState, isSignallableState } from '../model/process-state.js';
import type { SignalName } from '../model/signals.js';
import type { SupervisorStateName } from '../model/supervisor-state.js';
import type { Clock } from '../ports/clock.js';
import type { FileWatcher } from '../ports/file-watcher.js';
import type { DaemonLogger } from '../ports/logger.js';
import type { ProcessOutput } from '../ports/process-output.js';
import type { Prober } from '../ports/prober.js';
import type { Spawner } from '../ports/spawner.js';
import { dependencyWait } from './dependency-wait.js';
import { byPriority, ProcessGroup } from './group.js';
import { parseNamespec } from '../model/namespec.js';
import { type ProcessInfo, SupervisedProcess } from './process.js';
import {
  ProcessWaiters,
  type StopWaitDeps,
  waitForProcess,
  waitForStart,
  waitForStop,
} from './process-waits.js';
import { MemoryWatch } from './memory-watch.js';
import { rollingRestart, type RollingResult } from './rolling-restart.js';
import { stopInOrder } from './shutdown-sequence.js';
import { SpawnPacer } from './spawn-pacer.js';
import type { StatsSampler } from './stats-sampler.js';

export interface SupervisorDeps {
  readonly clock: Clock;
  readonly spawner: Spawner;
  readonly logger: DaemonLogger;
  readonly bus: EventBus;
  /** called once per process when its group is added (AUTO log files are created here) */
  readonly createOutput: (process: ProcessConfig) => ProcessOutput;
  /** supervisord's own environment, inherited by every child */
  readonly baseEnv: Readonly<Record<string, string>>;
  readonly supervisordConfig: SupervisordConfig;
  /** SUPERVISOR_SERVER_URL for children whose program has no serverurl; null when none */
  readonly serverUrl: string | null;
  /** runs readiness and liveness probes */
  readonly prober: Prober;
  /** the daemon's one sampler of process trees (restart_on_memory); absent: no memory checks */
  readonly statsSampler?: StatsSampler;
  /** watches watch= paths; absent: none are watched */
  readonly fileWatcher?: FileWatcher;
}

export type SupervisorMood = Extract<SupervisorStateName, 'RUNNING' | 'SHUTDOWN' | 'RESTARTING'>;

export type NameLookup =
  | { readonly kind: 'process'; readonly group: ProcessGroup; readonly process: SupervisedProcess }
  | { readonly kind: 'group'; readonly group: ProcessGroup }
  | { readonly kind: 'bad-name'; readonly fault: Fault };

/** One process acted on by a group/all operation; `fault` undefined means it went fine. */
export interface BatchResult {
  readonly process: SupervisedProcess;
  readonly fault: Fault | undefined;
}

export class Supervisor {
  private readonly registry = new Map<string, ProcessGroup>();
  private currentMood: SupervisorMood = 'RUNNING';
  private swept = false;
  private stopping: Promise<void> | null = null;
  private readonly waiters: ProcessWaiters;
  private readonly stopWaits: StopWaitDeps;
  private readonly spawnPacer: SpawnPacer;
  private readonly memoryWatch: MemoryWatch | null;

  constructor(private readonly deps: SupervisorDeps) {
    this.waiters = new ProcessWaiters(deps.bus);
    this.spawnPacer = new SpawnPacer(deps.clock);
    this.stopWaits = { waiters: this.waiters, clock: deps.clock, logger: deps.logger };
    // depends_on: a change of state anywhere may release a waiting process.
    deps.bus.subscribe('PROCESS_STATE', () => {
      for (const process of this.dependents()) {
        process.dependenciesChanged();
      }
    });
    const sampler = deps.statsSampler;
    this.memoryWatch =
      sampler === undefined
        ? null
        : new MemoryWatch({
            clock: deps.clock,
            sampler,
            processes: () => this.allProcesses(),
            withLimits: () =>
              this.groups()
                .filter((g) => g.hasMemoryLimit)
                .flatMap((g) => g.processes),
          });
    if (this.memoryWatch !== null) {
      const watch = this.memoryWatch;
      // restart_on_memory: checks run only while a process with a limit is RUNNING.
      deps.bus.subscribe('PROCESS_STATE', (event) => {
        if (event.to === 'RUNNING') {
          watch.wake();
        }
      });
    }
  }

  /** The processes that have depends_on (usually none: then this costs nothing). */
  private dependents(): SupervisedProcess[] {
    const found: SupervisedProcess[] = [];
    for (const group of this.registry.values()) {
      if (group.hasDependencies) {
        found.push(...group.processes.filter((p) => p.config.dependsOn.length > 0));
      }
    }
    return found;
  }

  get mood(): SupervisorMood {
    return this.currentMood;
  }

  /** At boot: every group of the config, in config order (names are unique there). */
  addGroups(groups: readonly GroupConfig[]): void {
    for (const group of groups) {
      this.addGroup(group);
    }
  }

  /** Publishes PROCESS_GROUP ADDED; after the first sweep, its autostart processes start now. */
  addGroup(config: GroupConfig): Fault | undefined {
    if (this.registry.has(config.name)) {
      return { fault: 'ALREADY_ADDED', detail: config.name };
    }
    const group = new ProcessGroup(config, (p) => this.createProcess(p));
    this.registry.set(config.name, group);
    this.deps.bus.publish({ type: 'PROCESS_GROUP', change: 'ADDED', groupName: config.name });
    if (this.swept && this.currentMood === 'RUNNING') {
      group.autostart();
    }
    return undefined;
  }

  /** Only when every process is in a stopped state; its outputs are released in the background. */
  removeGroup(name: string): Fault | undefined {
    const group = this.registry.get(name);
    if (group === undefined) {
      return { fault: 'BAD_NAME', detail: name };
    }
    if (group.unstopped().length > 0) {
      return { fault: 'STILL_RUNNING', detail: name };
    }
    this.registry.delete(name);
    group.close().catch((error: unknown) => {
      this.deps.logger.log('error', `closing the logs of group ${name} failed: ${String(error)}`);
    });
    this.deps.bus.publish({ type: 'PROCESS_GROUP', change: 'REMOVED', groupName: name });
    return undefined;
  }

  /** The first sweep: every never-started autostart process, groups by priority, in one pass. */
  autostart(): void {
    this.swept = true;
    if (this.currentMood !== 'RUNNING') {
      return;
    }
    for (const group of this.groups()) {
      group.autostart();
    }
  }

  /** Ascending priority; equal priorities in the order added. */
  groups(): ProcessGroup[] {
    return byPriority([...this.registry.values()], (g) => g.priority);
  }

  group(name: string): ProcessGroup | undefined {
    return this.registry.get(name);
  }

  /** Ascending (group priority, process priority): the order of the all-process operations. */
  allProcesses(): SupervisedProcess[] {
    return this.groups().flatMap((g) => g.inPriorityOrder());
  }

  /** `name`, `group:name`, `group:` or `group:*` (spec §2.1). */
  lookup(namespec: string): NameLookup {
    const { groupName, processName } = parseNamespec(namespec);
    const group = this.registry.get(groupName);
    if (group === undefined) {
      return { kind: 'bad-name', fault: { fault: 'BAD_NAME', detail: namespec } };
    }
    if (processName === null) {
      return { kind: 'group', group };
    }
    const process = group.process(processName);
    return process === undefined
      ? { kind: 'bad-name', fault: { fault: 'BAD_NAME', detail: namespec } }
      : { kind: 'process', group, process };
  }

  start(process: SupervisedProcess): Fault | undefined {
    return process.start();
  }

  stop(process: SupervisedProcess): Fault | undefined {
    return process.stop();
  }

  /** The pid only, never its process group; not a stop (an exit it causes may autorestart). */
  signal(process: SupervisedProcess, signal: SignalName): Fault | undefined {
    return process.signal(signal);
  }

  /** Starts the members not in a running state (others are left out of the result). */
  startGroup(group: ProcessGroup): BatchResult[] {
    return this.each(
      group.inPriorityOrder(),
      (p) => !isRunningState(p.state),
      (p) => p.start(),
    );
  }

  startAll(): BatchResult[] {
    return this.each(
      this.allProcesses(),
      (p) => !isRunningState(p.state),
      (p) => p.start(),
    );
  }

  stopGroup(group: ProcessGroup): BatchResult[] {
    return this.each(
      group.inPriorityOrder(),
      (p) => isRunningState(p.state),
      (p) => p.stop(),
    );
  }

  stopAll(): BatchResult[] {
    return this.each(
      this.allProcesses(),
      (p) => isRunningState(p.state),
      (p) => p.stop(),
    );
  }

  signalGroup(group: ProcessGroup, signal: SignalName): BatchResult[] {
    return this.each(
      group.inPriorityOrder(),
      (p) => isSignallableState(p.state),
      (p) => p.signal(signal),
    );
  }

  signalAll(signal: SignalName): BatchResult[] {
    return this.each(
      this.allProcesses(),
      (p) => isSignallableState(p.state),
      (p) => p.signal(signal),
    );
  }

  /**
   * Restart the group's processes one at a time, each waited for until RUNNING (ready) before
   * the next; stops at the first that does not come back.
   */
  rollingRestart(group: ProcessGroup, signal?: AbortSignal): Promise<RollingResult[]> {
    return rollingRestart(
      group,
      {
        stop: (p) => p.stop(),
        waitForStop: (p, s) => this.waitForStop(p, s),
        start: (p) => p.start(),
        waitForStart: (p, s) => this.waitForStart(p, s),
      },
      signal,
    );
  }

  /** Resolves with the first snapshot satisfying `done` (at once if it already does). */
  waitFor(
    process: SupervisedProcess,
    done: (info: ProcessInfo) => boolean,
    signal?: AbortSignal,
  ): Promise<ProcessInfo> {
    return waitForProcess(this.waiters, process, done, signal);
  }

  /** startProcess wait=true: undefined once RUNNING, else SPAWN_ERROR / ABNORMAL_TERMINATION. */
  waitForStart(process: SupervisedProcess, signal?: AbortSignal): Promise<Fault | undefined> {
    return waitForStart(this.waiters, process, signal);
  }

  /** stopProcess wait=true: resolves in a stopped state, logging `waiting for <n> to stop`. */
  waitForStop(process: SupervisedProcess, signal?: AbortSignal): Promise<void> {
    return waitForStop(this.stopWaits, process, signal);
  }

  /**
   * Stop everything in supervisord's shutdown order, then release every output. Publishes
   * SUPERVISOR_STATE_CHANGE STOPPING once; calling again returns the same promise.
   */
  shutdown(mood: Exclude<SupervisorMood, 'RUNNING'> = 'SHUTDOWN'): Promise<void> {
    if (this.stopping === null) {
      this.currentMood = mood;
      this.deps.bus.publish({ type: 'SUPERVISOR_STATE_CHANGE', to: 'STOPPING' });
      this.stopping = this.stopEverything();
    }
    return this.stopping;
  }

  private async stopEverything(): Promise<void> {
    this.memoryWatch?.close();
    await stopInOrder({ ...this.deps, groups: () => [...this.registry.values()] });
    await Promise.all([...this.registry.values()].map((g) => g.close()));
  }

  private each(
    processes: readonly SupervisedProcess[],
    needsIt: (p: SupervisedProcess) => boolean,
    act: (p: SupervisedProcess) => Fault | undefined,
  ): BatchResult[] {
    return processes.filter(needsIt).map((process) => ({ process, fault: act(process) }));
  }

  private createProcess(config: ProcessConfig): SupervisedProcess {
    return new SupervisedProcess(config, {
      clock: this.deps.clock,
      spawner: this.deps.spawner,
      spawnPacer: this.spawnPacer,
      logger: this.deps.logger,
      bus: this.deps.bus,
      output: this.deps.createOutput(config),
      spawnEnv: {
        baseEnv: this.deps.baseEnv,
        globalEnv: this.deps.supervisordConfig.environment,
        serverUrl: this.deps.serverUrl,
      },
      autoStartAllowed: () => this.currentMood === 'RUNNING',
      prober: this.deps.prober,
      waitingFor: (process) =>
        dependencyWait(process.config, (name) => this.dependencyTargets(name)),
      fileWatcher: this.deps.fileWatcher ?? null,
    });
  }

  /** The processes a depends_on name stands for: a group's, else a program's (any group). */
  private dependencyTargets(name: string): SupervisedProcess[] {
    const group = this.registry.get(name);
    if (group !== undefined) {
      return [...group.processes];
    }
    return [...this.registry.values()].flatMap((g) =>
      g.processes.filter((p) => p.config.programName === name),
    );
  }
}
