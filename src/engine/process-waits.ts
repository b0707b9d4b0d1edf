// Promises that settle when a process reaches a state: what startProcess/stopProcess with
// wait=true need. Driven by PROCESS_STATE events on the bus, never by polling.

import type { EventBus } from '../events/event-bus.js';
import type { Fault } from '../model/faults.js';
import { isStoppedState } from '../model/process-state.js';
import type { Clock, Timer } from '../ports/clock.js';
import type { DaemonLogger } from '../ports/logger.js';
import { logTexts } from './log-texts.js';
import type { ProcessInfo, SupervisedProcess } from './process.js';

const STOP_REPORT_MS = 2000;

/** Resolves with the first snapshot satisfying `done` (possibly at once); rejects on abort. */
export const waitForProcess = (
  bus: EventBus,
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
      unsubscribe();
      reject(signal?.reason as Error);
    };
    const unsubscribe = bus.subscribe('PROCESS_STATE', (event) => {
      if (
        event.processName !== process.config.name ||
        event.groupName !== process.config.groupName
      ) {
        return;
      }
      const info = process.info();
      if (done(info)) {
        unsubscribe();
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
  bus: EventBus,
  process: SupervisedProcess,
  signal?: AbortSignal,
): Promise<Fault | undefined> => {
  const info = await waitForProcess(bus, process, (i) => startVerdict(i) !== 'pending', signal);
  const verdict = startVerdict(info);
  return verdict === 'pending' ? undefined : verdict;
};

export interface StopWaitDeps {
  readonly bus: EventBus;
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
    await waitForProcess(deps.bus, process, (info) => isStoppedState(info.state), signal);
  } finally {
    timer?.cancel();
  }
};
