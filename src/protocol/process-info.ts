// The getProcessInfo / getAllProcessInfo struct, both sides: the server's encoder (supervisord's
// keys and types, 32-bit timestamps, the `description` text clients show) and the clients' reader
// (optional fields fall back to what supervisord sends for a process that never ran).

import type { ProcessFacts } from '../model/process-facts.js';
import { PROCESS_STATE_CODES } from '../model/process-state.js';
import { readStruct, type WireValue } from './wire-value.js';
import { INT32_MAX, INT32_MIN } from './xmlrpc/xmlrpc-value.js';

export type ProcessInfo = {
  readonly name: string;
  readonly group: string;
  readonly start: number;
  readonly stop: number;
  readonly now: number;
  readonly state: number;
  readonly statename: string;
  readonly spawnerr: string;
  readonly exitstatus: number;
  /** supervisord's older name for stdout_logfile */
  readonly logfile: string;
  readonly stdout_logfile: string;
  readonly stderr_logfile: string;
  readonly pid: number;
  readonly description: string;
};

/** XML-RPC ints are 32-bit: timestamps saturate (in 2038) rather than fail the call. */
export const cappedInt = (n: number): number => Math.min(INT32_MAX, Math.max(INT32_MIN, n));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number): string => String(n).padStart(2, '0');

/** Python's str(timedelta(seconds=s)) for whole seconds: `1:02:03`, `2 days, 0:00:01`. */
export const formatUptime = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86_400);
  const rest = s % 86_400;
  const clock = `${Math.floor(rest / 3600)}:${two(Math.floor((rest % 3600) / 60))}:${two(rest % 60)}`;
  return days === 0 ? clock : `${days} day${days === 1 ? '' : 's'}, ${clock}`;
};

/** strftime('%b %d %I:%M %p') in the daemon's local time zone, C locale. */
export const formatStopTime = (epochSec: number): string => {
  const at = new Date(epochSec * 1000);
  const hour = at.getHours();
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${MONTHS[at.getMonth()] ?? ''} ${two(at.getDate())} ${two(hour12)}:${two(at.getMinutes())} ${hour < 12 ? 'AM' : 'PM'}`;
};

export const describeProcess = (info: ProcessFacts, nowSec: number): string => {
  const supervisords = describeLikeSupervisord(info, nowSec);
  // Ours (readiness, liveness, depends_on, restart pacing): only processes using those options
  // ever have a reason, so supervisord's texts stay exact for every other config.
  if (info.reason === null) {
    return supervisords;
  }
  return info.state === 'RUNNING' ? `${supervisords}; ${info.reason}` : info.reason;
};

const describeLikeSupervisord = (info: ProcessFacts, nowSec: number): string => {
  switch (info.state) {
    case 'RUNNING':
      return `pid ${info.pid}, uptime ${formatUptime(nowSec - info.startedAtSec)}`;
    case 'FATAL':
    case 'BACKOFF':
      // supervisord's hint names the process, not the namespec.
      return info.spawnErr === null || info.spawnErr === ''
        ? `unknown error (try "tail ${info.name}")`
        : info.spawnErr;
    case 'STOPPED':
    case 'EXITED':
      // Started but never exited (e.g. stopped in BACKOFF) formats stop=0: the epoch, as 4.2.5.
      return info.startedAtSec === 0 ? 'Not started' : formatStopTime(info.stoppedAtSec);
    case 'STARTING':
    case 'STOPPING':
    case 'UNKNOWN':
      return '';
  }
};

export const encodeProcessInfo = (info: ProcessFacts, nowSec: number): ProcessInfo => {
  const stdout = info.stdoutLogfile ?? '';
  return {
    name: info.name,
    group: info.group,
    start: cappedInt(info.startedAtSec),
    stop: cappedInt(info.stoppedAtSec),
    now: cappedInt(nowSec),
    state: PROCESS_STATE_CODES[info.state],
    statename: info.state,
    spawnerr: info.spawnErr ?? '',
    exitstatus: info.exitStatus,
    logfile: stdout,
    stdout_logfile: stdout,
    stderr_logfile: info.stderrLogfile ?? '',
    pid: info.pid,
    description: describeProcess(info, cappedInt(nowSec)),
  };
};

export const readProcessInfo = (method: string, value: WireValue): ProcessInfo => {
  const s = readStruct(method, value);
  const stdout = s.optionalString('stdout_logfile', '');
  return {
    name: s.string('name'),
    group: s.string('group'),
    start: s.optionalInt('start', 0),
    stop: s.optionalInt('stop', 0),
    now: s.optionalInt('now', 0),
    state: s.int('state'),
    statename: s.string('statename'),
    spawnerr: s.optionalString('spawnerr', ''),
    exitstatus: s.optionalInt('exitstatus', 0),
    logfile: s.optionalString('logfile', stdout),
    stdout_logfile: stdout,
    stderr_logfile: s.optionalString('stderr_logfile', ''),
    pid: s.optionalInt('pid', 0),
    description: s.optionalString('description', ''),
  };
};
