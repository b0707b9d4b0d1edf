// supervisorctl's exit statuses (LSB init-script and status-action codes) and how a result's
// fault code sets them. The status is sticky: a later success never resets it to 0.

import { FAULT_CODES } from '../model/faults.js';

/** LSB codes for init-script actions (start, stop, …). */
export const EXIT = {
  SUCCESS: 0,
  GENERIC: 1,
  INVALID_ARGS: 2,
  UNIMPLEMENTED_FEATURE: 3,
  INSUFFICIENT_PRIVILEGES: 4,
  NOT_INSTALLED: 5,
  NOT_RUNNING: 7,
} as const;

/** LSB codes for the `status` action, which mean something else than the init codes above. */
export const STATUS_EXIT = {
  NOT_RUNNING: 3,
  UNKNOWN: 4,
} as const;

/** Faults that say the program is dead rather than that the request was wrong. */
const DEAD_PROGRAM_FAULTS: ReadonlySet<number> = new Set([
  FAULT_CODES.SPAWN_ERROR,
  FAULT_CODES.ABNORMAL_TERMINATION,
  FAULT_CODES.NOT_RUNNING,
]);

/**
 * The exit status a per-process result sets, or null when it leaves the status alone: SUCCESS
 * and the one fault a command tolerates (`start` ignores ALREADY_STARTED, `stop` NOT_RUNNING).
 */
export const exitStatusForResult = (faultCode: number, ignoredFault?: number): number | null => {
  if (faultCode === FAULT_CODES.SUCCESS || faultCode === ignoredFault) {
    return null;
  }
  return DEAD_PROGRAM_FAULTS.has(faultCode) ? EXIT.NOT_RUNNING : EXIT.GENERIC;
};
