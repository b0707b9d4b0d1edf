// getProcessInfo / getAllProcessInfo structs, typed. Optional fields fall back to what
// supervisord would send for a process that never ran, so other servers' answers still render.

import { readStruct, type WireValue } from './wire-value.js';

export interface ProcessInfo {
  readonly name: string;
  readonly group: string;
  readonly state: number;
  readonly statename: string;
  readonly description: string;
  readonly pid: number;
  readonly start: number;
  readonly stop: number;
  readonly now: number;
  readonly exitstatus: number;
  readonly spawnerr: string;
  readonly stdout_logfile: string;
  readonly stderr_logfile: string;
}

export const readProcessInfo = (method: string, value: WireValue): ProcessInfo => {
  const s = readStruct(method, value);
  return {
    name: s.string('name'),
    group: s.string('group'),
    state: s.int('state'),
    statename: s.string('statename'),
    description: s.optionalString('description', ''),
    pid: s.optionalInt('pid', 0),
    start: s.optionalInt('start', 0),
    stop: s.optionalInt('stop', 0),
    now: s.optionalInt('now', 0),
    exitstatus: s.optionalInt('exitstatus', 0),
    spawnerr: s.optionalString('spawnerr', ''),
    stdout_logfile: s.optionalString('stdout_logfile', ''),
    stderr_logfile: s.optionalString('stderr_logfile', ''),
  };
};
