// One output line per process for start, stop, signal, clear and a rolling restart: `<ns>: started` or
// `<ns>: ERROR (<reason>)`, with supervisorctl's reason for each fault code.

import { FAULT_CODES } from '../model/faults.js';
import type { StatusResult } from '../protocol/status-result.js';
import { makeNamespec } from '../model/namespec.js';

export type BulkAction = 'start' | 'stop' | 'signal' | 'clear' | 'restart';

const SUCCESS_WORD: Record<BulkAction, string> = {
  start: 'started',
  stop: 'stopped',
  signal: 'signalled',
  clear: 'cleared',
  restart: 'restarted',
};

const START_REASONS: ReadonlyMap<number, string> = new Map([
  [FAULT_CODES.BAD_NAME, 'no such process'],
  [FAULT_CODES.NO_FILE, 'no such file'],
  [FAULT_CODES.NOT_EXECUTABLE, 'file is not executable'],
  [FAULT_CODES.ALREADY_STARTED, 'already started'],
  [FAULT_CODES.SPAWN_ERROR, 'spawn error'],
  [FAULT_CODES.ABNORMAL_TERMINATION, 'abnormal termination'],
]);

const SIGNAL_REASONS: ReadonlyMap<number, string> = new Map([
  [FAULT_CODES.BAD_NAME, 'no such process'],
  [FAULT_CODES.BAD_SIGNAL, 'bad signal name'],
  [FAULT_CODES.NOT_RUNNING, 'not running'],
]);

const CLEAR_REASONS: ReadonlyMap<number, string> = new Map([
  [FAULT_CODES.BAD_NAME, 'no such process'],
  [FAULT_CODES.FAILED, 'failed'],
]);

const REASONS: Record<BulkAction, ReadonlyMap<number, string>> = {
  start: START_REASONS,
  stop: SIGNAL_REASONS,
  signal: SIGNAL_REASONS,
  clear: CLEAR_REASONS,
  // A rolling restart's result is its start half's (the stop half cannot fail but by name).
  restart: START_REASONS,
};

/** What the result says, without the name: `started`, `no such process`, … */
export const resultMessage = (action: BulkAction, result: StatusResult): string => {
  if (result.status === FAULT_CODES.SUCCESS) {
    return SUCCESS_WORD[action];
  }
  // supervisorctl crashes on codes it does not expect; we show the daemon's own words.
  return REASONS[action].get(result.status) ?? result.description;
};

/** `name` is how the line names the process (a fleet puts its host in front). */
export const renderResultLine = (
  action: BulkAction,
  result: StatusResult,
  name = makeNamespec(result.group, result.name),
): string => {
  // stop/signal print a FAILED fault's string as it is, without the name.
  if (result.status === FAULT_CODES.FAILED && (action === 'stop' || action === 'signal')) {
    return result.description;
  }
  return result.status === FAULT_CODES.SUCCESS
    ? `${name}: ${SUCCESS_WORD[action]}`
    : `${name}: ERROR (${resultMessage(action, result)})`;
};
