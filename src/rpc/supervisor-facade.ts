// What the supervisor.* methods may touch: the engine's process operations, the logs, the config
// last parsed, events and the daemon's lifecycle. The daemon implements it (src/daemon), so the
// RPC layer never reaches into the composition root.

import type { Config, GroupConfig } from '../config/types.js';
import type { SupervisedProcess } from '../engine/process.js';
import type { Supervisor } from '../engine/supervisor.js';
import type {
  ProcessGroupEvent,
  ProcessStateEvent,
  RemoteCommunicationEvent,
} from '../model/events.js';
import type { Fault } from '../model/faults.js';
import type { Timer } from '../ports/clock.js';
import type { FileSystem } from '../ports/file-system.js';
import type { StatsSampler } from '../engine/stats-sampler.js';

/** The part of the engine the methods use. */
export type EngineView = Pick<
  Supervisor,
  | 'mood'
  | 'lookup'
  | 'group'
  | 'groups'
  | 'allProcesses'
  | 'start'
  | 'stop'
  | 'signal'
  | 'startGroup'
  | 'startAll'
  | 'stopGroup'
  | 'stopAll'
  | 'signalGroup'
  | 'signalAll'
  | 'waitForStart'
  | 'waitForStop'
  | 'removeGroup'
  | 'rollingRestart'
>;

export type ClearOutcome =
  { readonly ok: true } | { readonly ok: false; readonly fault: 'NO_FILE' | 'FAILED' };

export type RereadOutcome =
  { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly message: string };

export type LifecycleRequest = 'shutdown' | 'restart';

export interface SupervisorFacade {
  readonly engine: EngineView;
  /** [supervisord] identifier */
  readonly identification: string;
  readonly pid: number;
  /** to read log files back (readLog, tailProcess*Log) */
  readonly fs: FileSystem;
  /** epoch ms: getProcessInfo's `now` */
  wallMs(): number;
  /** for durations (the order of group results) */
  monotonicMs(): number;
  /** the main log file; null when there is none (syslog, or no file) */
  readonly mainLogPath: string | null;
  clearMainLog(): Promise<ClearOutcome>;
  /** delete and reopen a process's current log files */
  clearProcessLogs(process: SupervisedProcess): Promise<ClearOutcome>;
  /** the config parsed at startup, or by the latest successful reloadConfig */
  lastConfig(): Config;
  /** parse the daemon's config file again; on success it becomes lastConfig() */
  rereadConfig(): RereadOutcome;
  /** create a group's logs, then hand it to the engine (ALREADY_ADDED when it is there) */
  addGroup(config: GroupConfig): Promise<Fault | undefined>;
  /** the same path as SIGTERM / SIGHUP; returns before anything stops */
  requestLifecycle(request: LifecycleRequest): void;
  publish(event: RemoteCommunicationEvent): void;
  /** tssupervisor.*: CPU and memory of each process tree (the daemon's one sampler) */
  readonly statsSampler: StatsSampler;
  /** tssupervisor.*: every process state change and group addition/removal; returns unsubscribe */
  onProcessChange(listener: (event: ProcessStateEvent | ProcessGroupEvent) => void): () => void;
  /** tssupervisor.waitForStateChange's deadline */
  setTimer(delayMs: number, fire: () => void): Timer;
}
