// The daemon's side of the supervisor.* methods: the SupervisorFacade over one run's engine,
// process logs, main log, event bus and config, plus the lifecycle and re-read hooks from main.

import type { Config, GroupConfig } from '../config/types.js';
import type { Supervisor } from '../engine/supervisor.js';
import type { EventBus } from '../events/event-bus.js';
import type { MainLog } from '../logging/main-log.js';
import type { Fault } from '../model/faults.js';
import type { Clock } from '../ports/clock.js';
import type { FileSystem } from '../ports/file-system.js';
import type { StatsSampler } from '../engine/stats-sampler.js';
import type {
  LifecycleRequest,
  RereadOutcome,
  SupervisorFacade,
} from '../rpc/supervisor-facade.js';
import type { ProcessOutputs } from './process-outputs.js';

export interface RpcFacadeDeps {
  /** the config this run started from */
  readonly config: Config;
  readonly supervisor: Supervisor;
  readonly outputs: ProcessOutputs;
  readonly log: MainLog;
  readonly bus: EventBus;
  readonly fs: FileSystem;
  readonly clock: Clock;
  readonly pid: number;
  /** parse the config file again (same path and command-line overrides as at startup) */
  readonly rereadConfig: () => RereadOutcome;
  readonly requestLifecycle: (request: LifecycleRequest) => void;
  /** the daemon's one sampler of process trees (getProcessStats, restart_on_memory) */
  readonly statsSampler: StatsSampler;
}

export const createRpcFacade = (deps: RpcFacadeDeps): SupervisorFacade => {
  const { supervisor, outputs, log } = deps;
  let last = deps.config;
  /** groups whose logs are being created: a second add must not replace them */
  const adding = new Set<string>();

  return {
    engine: supervisor,
    identification: deps.config.supervisord.identifier,
    pid: deps.pid,
    fs: deps.fs,
    wallMs: () => deps.clock.wallMs(),
    monotonicMs: () => deps.clock.monotonicMs(),
    mainLogPath: log.path,
    clearMainLog: async () => {
      // supervisord says so just before it reopens: the line goes to the file being removed
      // (and to the stdout copy), so the new log starts empty.
      const there = log.path === null ? false : (await deps.fs.stat(log.path)).ok;
      if (there) {
        log.log('info', 'reopening log file');
      }
      return log.clear();
    },
    clearProcessLogs: async (process) => {
      const logs = outputs.get(process.config.groupName, process.config.name);
      if (logs === undefined) {
        return { ok: true };
      }
      const cleared = await logs.clear();
      return cleared.ok ? cleared : { ok: false, fault: 'FAILED' };
    },
    lastConfig: () => last,
    rereadConfig: () => {
      const reread = deps.rereadConfig();
      if (reread.ok) {
        last = reread.config;
      }
      return reread;
    },
    addGroup: async (config: GroupConfig): Promise<Fault | undefined> => {
      if (supervisor.group(config.name) !== undefined || adding.has(config.name)) {
        return { fault: 'ALREADY_ADDED', detail: config.name };
      }
      adding.add(config.name);
      try {
        await outputs.prepare([config]);
        return supervisor.addGroup(config);
      } finally {
        adding.delete(config.name);
      }
    },
    requestLifecycle: deps.requestLifecycle,
    publish: (event) => deps.bus.publish(event),
    statsSampler: deps.statsSampler,
    onProcessChange: (listener) => {
      const offState = deps.bus.subscribe('PROCESS_STATE', listener);
      const offGroup = deps.bus.subscribe('PROCESS_GROUP', listener);
      return () => {
        offState();
        offGroup();
      };
    },
    setTimer: (delayMs, fire) => deps.clock.setTimer(delayMs, fire),
  };
};
