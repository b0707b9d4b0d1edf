// The PROCESS_STATE event for one change of state, with the payload fields of spec §7.1 taken
// from the two states at the moment of the change.

import type { ProcessConfig } from '../config/types.js';
import type { ProcessStateEvent } from '../model/events.js';
import { type ProcessState, STATE_NAMES } from './machine-types.js';

export const pidOf = (state: ProcessState): number | null => ('pid' in state ? state.pid : null);

export const stateChangeEvent = (
  config: ProcessConfig,
  from: ProcessState,
  to: ProcessState,
): ProcessStateEvent => ({
  type: 'PROCESS_STATE',
  processName: config.name,
  groupName: config.groupName,
  from: STATE_NAMES[from.kind],
  to: STATE_NAMES[to.kind],
  // STOPPED and EXITED report the pid of the process that just ended.
  pid: pidOf(to) ?? pidOf(from) ?? 0,
  tries: to.kind === 'starting' || to.kind === 'backoff' ? to.tries : 0,
  expected: to.kind === 'exited' && to.expected,
});
