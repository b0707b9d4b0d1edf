// Canned supervisor.* answers for ctl tests: process-info and status structs shaped like
// supervisord 4.2.5's, and a baseline answer table (API 3.0, version 4.2.5, a few processes).

import { PROCESS_STATE_CODES, type ProcessStateName } from '../../src/model/process-state.js';
import { FAULT_CODES, type FaultName } from '../../src/model/faults.js';
import type { XmlRpcStruct } from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import { ok, type FakeAnswer } from './fake-rpc-client.js';

export interface InfoFields {
  readonly group?: string;
  readonly pid?: number;
  readonly description?: string;
}

export const processInfo = (
  name: string,
  state: ProcessStateName,
  fields: InfoFields = {},
): XmlRpcStruct => {
  const running = state === 'RUNNING' || state === 'STARTING' || state === 'STOPPING';
  const pid = fields.pid ?? (running ? 1000 + name.length : 0);
  return {
    name,
    group: fields.group ?? name,
    start: running ? 1_700_000_000 : 0,
    stop: 0,
    now: 1_700_000_062,
    state: PROCESS_STATE_CODES[state],
    statename: state,
    spawnerr: '',
    exitstatus: 0,
    logfile: `/var/log/${name}.log`,
    stdout_logfile: `/var/log/${name}.log`,
    stderr_logfile: '',
    pid,
    description:
      fields.description ??
      (state === 'RUNNING'
        ? `pid ${pid}, uptime 0:01:02`
        : state === 'STOPPED'
          ? 'Not started'
          : ''),
  };
};

export const statusStruct = (
  group: string,
  name: string,
  status: FaultName | 'SUCCESS',
  description?: string,
): XmlRpcStruct => ({
  name,
  group,
  status: FAULT_CODES[status],
  description: description ?? (status === 'SUCCESS' ? 'OK' : `${status}: ${name}`),
});

/** web:0/web:1 running, worker stopped, cron exited: sorted as getAllProcessInfo sorts. */
export const SAMPLE_PROCESSES: readonly XmlRpcStruct[] = [
  processInfo('cron', 'EXITED', { description: 'Nov 21 12:38 AM' }),
  processInfo('web_0', 'RUNNING', { group: 'web', pid: 101 }),
  processInfo('web_1', 'RUNNING', { group: 'web', pid: 102 }),
  processInfo('worker', 'STOPPED'),
];

export const baseAnswers = (
  more: Readonly<Record<string, FakeAnswer>> = {},
): Record<string, FakeAnswer> => ({
  getVersion: ok('3.0'),
  getAPIVersion: ok('3.0'),
  getSupervisorVersion: ok('4.2.5'),
  getPID: ok(42),
  getAllProcessInfo: ok([...SAMPLE_PROCESSES]),
  ...more,
});
