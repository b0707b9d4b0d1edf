// A rolling restart of a group: one process at a time is stopped, started again and waited for
// until RUNNING (ready, with a readiness probe) before the next, so a pool never drops to zero.
// The first process that does not come back ends the roll: the rest keep running as they are.

import type { Fault } from '../model/faults.js';
import { isRunningState } from '../model/process-state.js';
import type { ProcessGroup } from './group.js';
import type { SupervisedProcess } from './process.js';

export interface RollingSteps {
  stop(process: SupervisedProcess): Fault | undefined;
  waitForStop(process: SupervisedProcess, signal?: AbortSignal): Promise<void>;
  start(process: SupervisedProcess): Fault | undefined;
  waitForStart(process: SupervisedProcess, signal?: AbortSignal): Promise<Fault | undefined>;
}

export interface RollingResult {
  readonly process: SupervisedProcess;
  readonly fault: Fault | undefined;
}

/** Restarts each process of the group in priority order; resolves with one result per process tried. */
export const rollingRestart = async (
  group: ProcessGroup,
  steps: RollingSteps,
  signal?: AbortSignal,
): Promise<RollingResult[]> => {
  const results: RollingResult[] = [];
  for (const process of group.inPriorityOrder()) {
    if (signal?.aborted === true) {
      break;
    }
    if (isRunningState(process.state)) {
      const refused = steps.stop(process);
      if (refused !== undefined && refused.fault !== 'NOT_RUNNING') {
        results.push({ process, fault: refused });
        break;
      }
      await steps.waitForStop(process, signal);
    }
    const fault =
      steps.start(process) ??
      (process.state === 'RUNNING' ? undefined : await steps.waitForStart(process, signal));
    results.push({ process, fault });
    if (fault !== undefined) {
      break;
    }
  }
  return results;
};
