// Promises that settle when a process reaches a state: what startProcess/stopProcess with
// wait=true need. Driven by PROCESS_STATE events on the bus, never by polling; each event reaches
// only the waits of its own process.

import type { EventBus } from '../events/event-bus.js';
import type { Fault } from '../model/faults.js';
import { isStoppedState } from '../model/process-state.js';
import type { Clock, Timer } from '../ports/clock.js';
import type { DaemonLogger } from '../ports/logger.js';
import { logTexts } from './log-texts.js';
import type { ProcessInfo, SupervisedProcess } from './process.js';

const STOP_REPORT_MS = 2000;

type Check = () => void;

/** All the index needs of a process: the names its PROCESS_STATE events carry. */
interface WatchedProcess {
  readonly config: { readonly groupName: string; readonly name: string };
}

/**
 * The pending waits by group and process name, behind one bus subscription: stopping a group
 * of N with wait would otherwise hand each of its 2N state events to all N waits.
 */
export class ProcessWaiters {
  private readonly byGroup = new Map<string, Map<string, Set<Check>>>();

  constructor(bus: EventBus) {
    bus.subscribe('PROCESS_STATE', (event) => {
      // A check may remove itself (or resolve others) meanwhile: Set iteration allows that.
      const checks = this.byGroup.get(event.groupName)?.get(event.processName);
      if (checks !== undefined) {
        for (const check of checks) {
          check();
        }
      }
    });
  }

  /** Runs `check` after every state change of the process, until the returned function is called. */
  watch(process: WatchedProcess, check: Check): () => void {
    const { groupName, name } = process.config;
    let byName = this.byGroup.get(groupName);
    if (byName === undefined) {
      byName = new Map();
      this.byGroup.set(groupName, byName);
    }
    let checks = byName.get(name);
    if (checks === undefined) {
      checks = new Set();
      byName.set(name, checks);
    }
    const mine = checks;
    mine.add(check);
    return () => {
      mine.delete(check);
      if (mine.size === 0 && byName.get(name) === mine) {
        byName.delete(name);
        if (byName.size === 0 && this.byGroup.get(groupName) === byName) {
          this.byGroup.delete(groupName);
        }
      }
    };
  }
}

/** Resolves with the first snapshot satisfying `done` (possibly at once); rejects on abort. */
export const waitForProcess = (
  waiters: ProcessWaiters,
  process: SupervisedProcess,
  done: (info: ProcessInfo) => boolean,
  signal?: AbortSignal,
): Promise<ProcessInfo> =>
  new Promise((resolve, reject) => {
    const now = process.info();
    if (done(now)) {
      resolve(now);
      return;
    }
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      unwatch();
      reject(signal?.reason as Error);
    };
    const unwatch = waiters.watch(process, () => {
      const info = process.info();
      if (done(info)) {
        unwatch();
        signal?.removeEventListener('abort', onAbort);
        resolve(info);
      }
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * startProcess's verdict once waiting: spawnerr → SPAWN_ERROR, left STARTING for anything but
 * RUNNING → ABNORMAL_TERMINATION, RUNNING → success; STARTING → not yet.
 */
export const startVerdict = (info: ProcessInfo): Fault | undefined | 'pending' => {
  if (info.spawnErr !== null) {
    return { fault: 'SPAWN_ERROR', detail: info.namespec };
  }
  switch (info.state) {
    case 'RUNNING':
      return undefined;
    case 'STARTING':
      return 'pending';
    case 'STOPPED':
    case 'BACKOFF':
    case 'STOPPING':
    case 'EXITED':
    case 'FATAL':
    case 'UNKNOWN':
      return { fault: 'ABNORMAL_TERMINATION', detail: info.namespec };
  }
};

export const waitForStart = async (
  waiters: ProcessWaiters,
  process: SupervisedProcess,
  signal?: AbortSignal,
): Promise<Fault | undefined> => {
  const info = await waitForProcess(waiters, process, (i) => startVerdict(i) !== 'pending', signal);
  const verdict = startVerdict(info);
  return verdict === 'pending' ? undefined : verdict;
};

export interface StopWaitDeps {
  readonly waiters: ProcessWaiters;
  readonly clock: Clock;
  readonly logger: DaemonLogger;
}

/** Resolves once the process is in a stopped state; says `waiting for <n> to stop` every 2 s. */
export const waitForStop = async (
  deps: StopWaitDeps,
  process: SupervisedProcess,
  signal?: AbortSignal,
): Promise<void> => {
  if (isStoppedState(process.state)) {
    return;
  }
  let timer: Timer | undefined;
  const report = (): void => {
    deps.logger.log('info', logTexts.waitingToStop(process.config.name));
    timer = deps.clock.setTimer(STOP_REPORT_MS, report);
  };
  report();
  try {
    await waitForProcess(deps.waiters, process, (info) => isStoppedState(info.state), signal);
  } finally {
    timer?.cancel();
  }
};
