// Which processes a `status` name shows (`name`, `group:name`, `group:*`), and the line for a
// name that shows none; shared by one server's status and a fleet's.

import { PROCESS_STATE_CODES, STOPPED_STATES } from '../../model/process-state.js';
import { parseNamespec } from '../../model/namespec.js';
import type { ProcessInfo } from '../../protocol/process-info.js';

const STOPPED_CODES: ReadonlySet<number> = new Set(
  [...STOPPED_STATES].map((name) => PROCESS_STATE_CODES[name]),
);

/** Whether `status` counts the process as down (exit 3). */
export const isStoppedState = (state: number): boolean => STOPPED_CODES.has(state);

export const matchStatusName = (all: readonly ProcessInfo[], name: string): ProcessInfo[] => {
  const { groupName: group, processName: process } = parseNamespec(name);
  return all.filter((info) => info.group === group && (process === null || info.name === process));
};

/** `web: ERROR (no such group)` for `web:*`, `web: ERROR (no such process)` for `web`. */
export const noMatchLine = (name: string, shownAs = name): string => {
  const { groupName: group, processName: process } = parseNamespec(name);
  const prefix = shownAs.slice(0, shownAs.length - name.length);
  return process === null
    ? `${prefix}${group}: ERROR (no such group)`
    : `${shownAs}: ERROR (no such process)`;
};
