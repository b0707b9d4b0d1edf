// The canned world behind the supervisor.* stub: processes, logs, configured groups and the
// reload answer, with supervisord's lookup rules and the outcome of each action on each
// process. Stateless: the same question always gets the same answer.

import type { Fault } from '../../src/model/faults.js';
import type { XmlRpcStruct, XmlRpcValue } from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import { processInfo, statusStruct } from './supervisor-answers.js';

/** The world: sorted by group, then name, as getAllProcessInfo returns it. */
export const STUB_PROCESSES: readonly XmlRpcStruct[] = [
  processInfo('echoer', 'RUNNING', { pid: 8463, description: 'pid 8463, uptime 0:01:12' }),
  processInfo('nocmd', 'STOPPED', { group: 'grp' }),
  processInfo('quick', 'FATAL', {
    group: 'grp',
    description: 'Exited too quickly (process log may have details)',
  }),
  processInfo('multi_0', 'RUNNING', {
    group: 'multi',
    pid: 8464,
    description: 'pid 8464, uptime 0:01:12',
  }),
  processInfo('multi_1', 'RUNNING', {
    group: 'multi',
    pid: 8465,
    description: 'pid 8465, uptime 0:01:12',
  }),
  processInfo('sleeper', 'RUNNING', { pid: 8466, description: 'pid 8466, uptime 0:00:50' }),
];

export const STUB_LOGS: Readonly<Record<string, string>> = {
  sleeper: 'zzz\nstill sleeping\n',
  echoer: 'got hello\n',
};
export const STUB_MAIN_LOG = '2026-11-21 01:00:00,000 INFO supervisord started with pid 4242\n';

/** reloadConfig's answer: `newprog` was added, `multi` changed, `gone` removed. */
export const RELOAD = { added: 'newprog', changed: 'multi', removed: 'gone' } as const;
/** Still active, with nothing running, but no longer in the configuration. */
export const REMOVED_GROUP = RELOAD.removed;

export const str = (v: XmlRpcValue | undefined): string => (typeof v === 'string' ? v : '');
export const isRunning = (p: XmlRpcStruct): boolean => p['statename'] === 'RUNNING';
export const badName = (name: string): Fault => ({ fault: 'BAD_NAME', detail: name });

/** supervisord's lookup: `g:*`/`g:` is a group, `g:p` a process, `p` is `p:p`. */
export const find = (
  name: string,
): { group: XmlRpcStruct[]; process: XmlRpcStruct | null } | null => {
  const colon = name.indexOf(':');
  const groupName = colon < 0 ? name : name.slice(0, colon);
  const processName = colon < 0 ? name : name.slice(colon + 1);
  const group = STUB_PROCESSES.filter((p) => p['group'] === groupName);
  if (groupName === REMOVED_GROUP && processName === '*') {
    return { group: [], process: null };
  }
  if (group.length === 0) {
    return null;
  }
  if (processName === '' || processName === '*') {
    return { group, process: null };
  }
  const process = group.find((p) => p['name'] === processName);
  return process === undefined ? null : { group, process };
};

export const SIGNALS = new Set([
  'HUP',
  'INT',
  'QUIT',
  'KILL',
  'USR1',
  'USR2',
  'TERM',
  '1',
  '9',
  '15',
]);

export type Outcome =
  'SUCCESS' | 'NO_FILE' | 'SPAWN_ERROR' | 'ALREADY_STARTED' | 'NOT_RUNNING' | 'BAD_SIGNAL';

export const startOutcome = (p: XmlRpcStruct): Outcome => {
  if (isRunning(p)) {
    return 'ALREADY_STARTED';
  }
  return p['name'] === 'nocmd' ? 'NO_FILE' : p['name'] === 'quick' ? 'SPAWN_ERROR' : 'SUCCESS';
};
export const stopOutcome = (p: XmlRpcStruct): Outcome => (isRunning(p) ? 'SUCCESS' : 'NOT_RUNNING');
export const signalOutcome =
  (signal: string) =>
  (p: XmlRpcStruct): Outcome =>
    !SIGNALS.has(signal.toUpperCase().replace(/^SIG/, '')) ? 'BAD_SIGNAL' : stopOutcome(p);

export const single = (outcome: Outcome, name: string): boolean | Fault =>
  outcome === 'SUCCESS' ? true : { fault: outcome, detail: name };

/** Group and all-process calls skip processes that need nothing, as supervisord does. */
export const results = (
  processes: readonly XmlRpcStruct[],
  outcome: (p: XmlRpcStruct) => Outcome,
  skip: Outcome,
): XmlRpcStruct[] =>
  processes
    .filter((p) => outcome(p) !== skip)
    .map((p) => statusStruct(str(p['group']), str(p['name']), outcome(p)));

export const readTail = (text: string, offset: number, length: number): string | Fault => {
  if (offset < 0 && length === 0) {
    return text.slice(Math.max(0, text.length + offset));
  }
  if (offset < 0 || length < 0) {
    return { fault: 'BAD_ARGUMENTS' };
  }
  return length === 0 ? text.slice(offset) : text.slice(offset, offset + length);
};

export const CONFIG_INFO: readonly XmlRpcStruct[] = STUB_PROCESSES.map((p) => ({
  name: str(p['name']),
  group: str(p['group']),
  inuse: true,
  autostart: p['group'] !== 'grp',
  group_prio: 999,
  process_prio: 999,
  command: 'sleep 1000',
})).concat([
  {
    name: 'newprog',
    group: 'newprog',
    inuse: false,
    autostart: true,
    group_prio: 999,
    process_prio: 999,
    command: 'x',
  },
]);
