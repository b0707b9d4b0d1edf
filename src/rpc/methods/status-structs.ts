// The status structs of the group/all methods, built from the engine's batch results: immediate
// outcomes first (in the engine's order), then each waited-for process as it finishes, the
// order in which supervisord appends them.

import type { SupervisedProcess } from '../../engine/process.js';
import type { BatchResult } from '../../engine/supervisor.js';
import { FAULT_CODES, faultString, type Fault } from '../../model/faults.js';

export type StatusStruct = {
  readonly name: string;
  readonly group: string;
  readonly status: number;
  readonly description: string;
};

export const statusStruct = (
  process: SupervisedProcess,
  fault: Fault | undefined,
): StatusStruct => ({
  name: process.config.name,
  group: process.config.groupName,
  status: fault === undefined ? FAULT_CODES.SUCCESS : FAULT_CODES[fault.fault],
  description: fault === undefined ? 'OK' : faultString(fault),
});

/**
 * `wait(process)` is undefined when the process needs no waiting (then it is reported at once),
 * else a promise of its final outcome.
 */
export const collectStatuses = async (
  results: readonly BatchResult[],
  wait: (process: SupervisedProcess) => Promise<Fault | undefined> | undefined,
): Promise<StatusStruct[]> => {
  const out: StatusStruct[] = [];
  const waiting: Promise<void>[] = [];
  for (const { process, fault } of results) {
    const pending = fault === undefined ? wait(process) : undefined;
    if (pending === undefined) {
      out.push(statusStruct(process, fault));
    } else {
      waiting.push(pending.then((outcome) => void out.push(statusStruct(process, outcome))));
    }
  }
  await Promise.all(waiting);
  return out;
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
