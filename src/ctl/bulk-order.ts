// Running the calls of a bulk command (start/stop/signal/clear of several names) concurrently
// while keeping their effects ordered where they overlap: a call waits only for the earlier
// calls that touch the same process (a whole-group call touches every process of its group).

import type { ParsedNamespec } from '../model/namespec.js';

export interface BulkTask<T> {
  readonly scope: ParsedNamespec;
  readonly run: () => Promise<T>;
}

export const overlaps = (a: ParsedNamespec, b: ParsedNamespec): boolean =>
  a.groupName === b.groupName &&
  (a.processName === null || b.processName === null || a.processName === b.processName);

/**
 * Starts every task once the earlier overlapping ones have succeeded (all earlier ones when
 * `parallel` is false) and returns their promises in task order, for printing in that order.
 * A task whose predecessor failed does not run: it fails the same way, as the loop in
 * supervisorctl stops at the first error.
 */
export const scheduleBulk = <T>(tasks: readonly BulkTask<T>[], parallel: boolean): Promise<T>[] => {
  const started: Promise<T>[] = [];
  tasks.forEach((task, index) => {
    const before = started.filter(
      (_, earlier) => !parallel || overlaps(tasks[earlier]?.scope ?? task.scope, task.scope),
    );
    const promise = Promise.all(before).then(() => task.run());
    // The printer stops at the first failure; later failures must not count as unhandled.
    promise.catch(() => undefined);
    started[index] = promise;
  });
  return started;
};
