// The words the status page's banner shows after an action, as supervisord's web UI words them
// (scripts read them back from the redirect's `?message=`), and Python's time.ctime() for the
// `at <time>` of the bulk actions.

import { FAULT_CODES } from '../../model/faults.js';
import type { CallFault } from '../../protocol/faults.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number): string => String(n).padStart(2, '0');

/** `Sat Dec  5 08:01:33 2026`: time.ctime() in the daemon's local time zone. */
export const ctime = (epochMs: number): string => {
  const at = new Date(epochMs);
  const day = String(at.getDate()).padStart(2, ' ');
  const clock = `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
  return `${DAYS[at.getDay()] ?? ''} ${MONTHS[at.getMonth()] ?? ''} ${day} ${clock} ${at.getFullYear()}`;
};

export const refreshedMessage = (nowMs: number): string => `Page refreshed at ${ctime(nowMs)}`;
export const allStoppedMessage = (nowMs: number): string => `All stopped at ${ctime(nowMs)}`;
export const allRestartedMessage = (nowMs: number): string => `All restarted at ${ctime(nowMs)}`;

export const noSuchProcessMessage = (namespec: string): string =>
  `No such process named ${namespec}`;

export const doneMessage = (
  action: 'started' | 'stopped' | 'restarted',
  namespec: string,
): string => `Process ${namespec} ${action}`;

export const logClearedMessage = (namespec: string): string => `Log for ${namespec} cleared`;

/** Any fault the page has no words of its own for (supervisord shows no `ERROR:` here). */
export const unexpectedFaultMessage = (fault: CallFault): string =>
  `unexpected rpc fault [${fault.faultCode}] ${fault.faultString}`;

const START_FAILURES: ReadonlyMap<number, string> = new Map([
  [FAULT_CODES.NO_FILE, 'no such file'],
  [FAULT_CODES.NOT_EXECUTABLE, 'file not executable'],
  [FAULT_CODES.ALREADY_STARTED, 'already started'],
  [FAULT_CODES.SPAWN_ERROR, 'spawn error'],
  [FAULT_CODES.ABNORMAL_TERMINATION, 'abnormal termination'],
]);

export const startFailedMessage = (namespec: string, fault: CallFault): string =>
  `ERROR: Process ${namespec}: ${START_FAILURES.get(fault.faultCode) ?? unexpectedFaultMessage(fault)}`;
