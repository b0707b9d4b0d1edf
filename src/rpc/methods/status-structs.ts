// The status structs of the group/all methods, built from the engine's batch results (and, with
// wait, each process's final outcome), ordered as supervisord reports them.

import type { SupervisedProcess } from '../../engine/process.js';
import type { BatchResult } from '../../engine/supervisor.js';
import type { Fault } from '../../model/faults.js';
import { encodeStatusResult, type StatusResult } from '../../protocol/status-result.js';

export type StatusStruct = StatusResult;

export const statusStruct = (process: SupervisedProcess, fault: Fault | undefined): StatusStruct =>
  encodeStatusResult(process.config.groupName, process.config.name, fault);

/** Outcomes this close together count as simultaneous (supervisord sees them in one pass). */
const TOGETHER_MS = 200;

interface Settled {
  readonly index: number;
  readonly atMs: number;
  readonly struct: StatusStruct;
}

/**
 * Waited-for outcomes in completion order, except that outcomes that follow each other within
 * TOGETHER_MS form one batch listed in the engine's order: supervisord notices outcomes once per
 * pass of its main loop, so processes that stop (or start) together come out in priority order.
 */
const inCompletionBatches = (settled: readonly Settled[]): StatusStruct[] => {
  const byTime = [...settled].sort((a, b) => a.atMs - b.atMs);
  const batches: Settled[][] = [];
  let previousMs = Number.NEGATIVE_INFINITY;
  for (const item of byTime) {
    if (item.atMs - previousMs > TOGETHER_MS || batches.length === 0) {
      batches.push([]);
    }
    batches[batches.length - 1]?.push(item);
    previousMs = item.atMs;
  }
  return batches.flatMap((batch) => batch.sort((a, b) => a.index - b.index).map((s) => s.struct));
};

/**
 * `wait(process)` is undefined when the process needs no waiting, else a promise of its final
 * outcome. As supervisord reports them: outcomes known at once first, in the engine's order, then
 * the waited-for ones (see inCompletionBatches). Only the order of the array is affected.
 */
export const collectStatuses = async (
  results: readonly BatchResult[],
  wait: (process: SupervisedProcess) => Promise<Fault | undefined> | undefined,
  nowMs: () => number,
): Promise<StatusStruct[]> => {
  const immediate: StatusStruct[] = [];
  const waiting: Promise<Settled>[] = [];
  results.forEach(({ process, fault }, index) => {
    const pending = fault === undefined ? wait(process) : undefined;
    if (pending === undefined) {
      immediate.push(statusStruct(process, fault));
    } else {
      waiting.push(
        pending.then((outcome) => ({
          index,
          atMs: nowMs(),
          struct: statusStruct(process, outcome),
        })),
      );
    }
  });
  return [...immediate, ...inCompletionBatches(await Promise.all(waiting))];
};

/**
 * The engine names a process by its namespec in fault details; supervisord's single-process
 * methods echo the name as the client wrote it (`web:web` stays `web:web`).
 */
export const asGiven = (
  fault: Fault | undefined,
  process: SupervisedProcess,
  given: string,
): Fault | undefined =>
  fault !== undefined && fault.detail === process.namespec ? { ...fault, detail: given } : fault;

/**
 * A wait the client gave up on (it disconnected): nobody reads the answer, so it is not worth
 * a crash report. Any other rejection is a real failure and propagates.
 */
export const unlessAborted = async <T>(
  promise: Promise<T>,
  signal: AbortSignal,
  fallback: T,
): Promise<T> => {
  try {
    return await promise;
  } catch (error: unknown) {
    if (signal.aborted) {
      return fallback;
    }
    throw error;
  }
};
