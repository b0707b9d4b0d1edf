// A Supervisor wired to fakes (manual clock, fake spawner, memory logger, fake outputs) plus a
// record of every published event: what engine tests drive and inspect.

import type { GroupConfig, SupervisordConfig } from '../../src/config/types.js';
import type { StatsSampler } from '../../src/engine/stats-sampler.js';
import { Supervisor } from '../../src/engine/supervisor.js';
import { EventBus } from '../../src/events/event-bus.js';
import type { ProcessStateEvent, SupervisorEvent } from '../../src/model/events.js';
import { FakeFileWatcher } from './fake-file-watcher.js';
import { FakeProber } from './fake-prober.js';
import { FakeSpawner } from './fake-spawner.js';
import { fakeOutputs } from './fake-process-output.js';
import { ManualClock } from './manual-clock.js';
import { MemoryLogger } from './memory-logger.js';
import { supervisordConfig } from './program-config.js';

export interface WorldOptions {
  readonly groups?: readonly GroupConfig[];
  readonly baseEnv?: Readonly<Record<string, string>>;
  readonly supervisord?: Partial<SupervisordConfig>;
  readonly serverUrl?: string | null;
  /** restart_on_memory's measurements (none: no memory checks) */
  readonly statsSampler?: StatsSampler;
}

export const engineWorld = (options: WorldOptions = {}) => {
  const clock = new ManualClock();
  const spawner = new FakeSpawner();
  const logger = new MemoryLogger();
  const bus = new EventBus((error) => {
    throw error;
  });
  const outputs = fakeOutputs();
  const prober = new FakeProber();
  const fileWatcher = new FakeFileWatcher();
  const events: SupervisorEvent[] = [];
  bus.subscribeAll((e) => events.push(e));
  const supervisor = new Supervisor({
    clock,
    spawner,
    logger,
    bus,
    createOutput: outputs.create,
    baseEnv: options.baseEnv ?? { PATH: '/usr/bin:/bin', HOME: '/root' },
    supervisordConfig: supervisordConfig(options.supervisord),
    serverUrl: options.serverUrl === undefined ? 'unix:///run/supervisor.sock' : options.serverUrl,
    prober,
    fileWatcher,
    ...(options.statsSampler === undefined ? {} : { statsSampler: options.statsSampler }),
  });
  supervisor.addGroups(options.groups ?? []);

  /** The process named by a namespec (throws on a bad name: a test bug). */
  const proc = (namespec: string) => {
    const found = supervisor.lookup(namespec);
    if (found.kind !== 'process') {
      throw new Error(`${namespec} is not a process`);
    }
    return found.process;
  };

  const stateEvents = (): ProcessStateEvent[] =>
    events.filter((e): e is ProcessStateEvent => e.type === 'PROCESS_STATE');

  /** `name FROM→TO` for each state event, the shape scripts compare against. */
  const transitions = (): string[] =>
    stateEvents().map((e) => `${e.processName} ${e.from}→${e.to}`);

  return {
    clock,
    spawner,
    prober,
    fileWatcher,
    logger,
    bus,
    outputs,
    events,
    supervisor,
    proc,
    stateEvents,
    transitions,
  };
};

export type EngineWorld = ReturnType<typeof engineWorld>;

/** The state events of a start, then a restart the engine decided on (stop, then start). */
export const startThenRestart = (name: string): string[] => [
  `${name} STOPPED→STARTING`,
  `${name} STARTING→RUNNING`,
  `${name} RUNNING→STOPPING`,
  `${name} STOPPING→STOPPED`,
  `${name} STOPPED→STARTING`,
  `${name} STARTING→RUNNING`,
];
