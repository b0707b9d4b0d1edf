// --json output (our addition): process infos and per-process action results as JSON, one
// document per command, so scripts need not parse the column layout.

import type { ProcessInfo } from '../../protocol/process-info.js';
import type { StatusResult } from '../../protocol/status-result.js';
import { makeNamespec } from '../../model/namespec.js';
import { resultMessage, type BulkAction } from '../../client-text/action-result.js';
import { FAULT_CODES } from '../../model/faults.js';

export interface ProcessJson {
  readonly namespec: string;
  readonly name: string;
  readonly group: string;
  readonly state: string;
  readonly statecode: number;
  readonly pid: number;
  readonly description: string;
  readonly start: number;
  readonly stop: number;
  readonly now: number;
  readonly exitstatus: number;
  readonly spawnerr: string;
  readonly stdout_logfile: string;
  readonly stderr_logfile: string;
}

export const processJson = (info: ProcessInfo): ProcessJson => ({
  namespec: makeNamespec(info.group, info.name),
  name: info.name,
  group: info.group,
  state: info.statename,
  statecode: info.state,
  pid: info.pid,
  description: info.description,
  start: info.start,
  stop: info.stop,
  now: info.now,
  exitstatus: info.exitstatus,
  spawnerr: info.spawnerr,
  stdout_logfile: info.stdout_logfile,
  stderr_logfile: info.stderr_logfile,
});

export interface ResultJson {
  readonly action: BulkAction;
  readonly namespec: string;
  readonly name: string;
  readonly group: string;
  readonly ok: boolean;
  /** The text mode's word: `started`, `no such process`, … */
  readonly message: string;
  readonly faultCode: number;
  readonly description: string;
}

export const resultJson = (action: BulkAction, result: StatusResult): ResultJson => ({
  action,
  namespec: makeNamespec(result.group, result.name),
  name: result.name,
  group: result.group,
  ok: result.status === FAULT_CODES.SUCCESS,
  message: resultMessage(action, result),
  faultCode: result.status,
  description: result.description,
});

export const renderJson = (value: unknown): string => JSON.stringify(value, null, 2);
