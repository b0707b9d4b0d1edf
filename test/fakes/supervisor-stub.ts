// A canned, stateless supervisor.* method family for ctl integration and compatibility tests:
// the same call always gets the same answer (so the real supervisorctl and ours see the same
// world), shaped and ordered as supervisord 4.2.5 answers, with its faults.

import type { Fault } from '../../src/model/faults.js';
import { defineMethod, type RpcMethod } from '../../src/rpc/method-definition.js';
import { optional, param } from '../../src/rpc/method-params.js';
import type { XmlRpcStruct, XmlRpcValue } from '../../src/rpc/xmlrpc-value.js';
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
const RELOAD = { added: 'newprog', changed: 'multi', removed: 'gone' } as const;
/** Still active, with nothing running, but no longer in the configuration. */
const REMOVED_GROUP = RELOAD.removed;

export interface StubOptions {
  /** What getAPIVersion/getVersion answer ("3.0" unless a test wants a mismatch). */
  readonly apiVersion?: string;
}

const str = (v: XmlRpcValue | undefined): string => (typeof v === 'string' ? v : '');
const isRunning = (p: XmlRpcStruct): boolean => p['statename'] === 'RUNNING';
const badName = (name: string): Fault => ({ fault: 'BAD_NAME', detail: name });

/** supervisord's lookup: `g:*`/`g:` is a group, `g:p` a process, `p` is `p:p`. */
const find = (name: string): { group: XmlRpcStruct[]; process: XmlRpcStruct | null } | null => {
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

const SIGNALS = new Set(['HUP', 'INT', 'QUIT', 'KILL', 'USR1', 'USR2', 'TERM', '1', '9', '15']);

type Outcome =
  'SUCCESS' | 'NO_FILE' | 'SPAWN_ERROR' | 'ALREADY_STARTED' | 'NOT_RUNNING' | 'BAD_SIGNAL';

const startOutcome = (p: XmlRpcStruct): Outcome => {
  if (isRunning(p)) {
    return 'ALREADY_STARTED';
  }
  return p['name'] === 'nocmd' ? 'NO_FILE' : p['name'] === 'quick' ? 'SPAWN_ERROR' : 'SUCCESS';
};
const stopOutcome = (p: XmlRpcStruct): Outcome => (isRunning(p) ? 'SUCCESS' : 'NOT_RUNNING');
const signalOutcome =
  (signal: string) =>
  (p: XmlRpcStruct): Outcome =>
    !SIGNALS.has(signal.toUpperCase().replace(/^SIG/, '')) ? 'BAD_SIGNAL' : stopOutcome(p);

const single = (outcome: Outcome, name: string): boolean | Fault =>
  outcome === 'SUCCESS' ? true : { fault: outcome, detail: name };

/** Group and all-process calls skip processes that need nothing, as supervisord does. */
const results = (
  processes: readonly XmlRpcStruct[],
  outcome: (p: XmlRpcStruct) => Outcome,
  skip: Outcome,
): XmlRpcStruct[] =>
  processes
    .filter((p) => outcome(p) !== skip)
    .map((p) => statusStruct(str(p['group']), str(p['name']), outcome(p)));

const readTail = (text: string, offset: number, length: number): string | Fault => {
  if (offset < 0 && length === 0) {
    return text.slice(Math.max(0, text.length + offset));
  }
  if (offset < 0 || length < 0) {
    return { fault: 'BAD_ARGUMENTS' };
  }
  return length === 0 ? text.slice(offset) : text.slice(offset, offset + length);
};

const CONFIG_INFO: readonly XmlRpcStruct[] = STUB_PROCESSES.map((p) => ({
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

export const supervisorStub = (options: StubOptions = {}): readonly RpcMethod[] => {
  const version = options.apiVersion ?? '3.0';
  const name = [param.string('name')] as const;
  const nameWait = [param.string('name'), optional(param.boolean('wait'), true)] as const;
  const wait = [optional(param.boolean('wait'), true)] as const;
  const onOne = (method: string, outcome: (p: XmlRpcStruct) => Outcome, skip: Outcome) =>
    defineMethod({
      name: `supervisor.${method}`,
      help: method,
      params: nameWait,
      returns: 'boolean',
      handler: ([n]) => {
        const found = find(n);
        if (found === null) {
          return badName(n);
        }
        return found.process === null
          ? results(found.group, outcome, skip)
          : single(outcome(found.process), n);
      },
    });
  const onGroup = (method: string, outcome: (p: XmlRpcStruct) => Outcome, skip: Outcome) =>
    defineMethod({
      name: `supervisor.${method}`,
      help: method,
      params: nameWait,
      returns: 'array',
      handler: ([n]) => {
        const found = find(`${n}:*`);
        return found === null ? badName(n) : results(found.group, outcome, skip);
      },
    });
  const onAll = (method: string, outcome: (p: XmlRpcStruct) => Outcome, skip: Outcome) =>
    defineMethod({
      name: `supervisor.${method}`,
      help: method,
      params: wait,
      returns: 'array',
      handler: () => results(STUB_PROCESSES, outcome, skip),
    });
  const readLogMethod = (method: string, channel: 'stdout' | 'stderr', alias: string[]) =>
    defineMethod({
      name: `supervisor.${method}`,
      aliases: alias,
      help: method,
      params: [param.string('name'), param.int('offset'), param.int('length')],
      returns: 'string',
      handler: ([n, offset, length]) => {
        const found = find(n);
        if (found?.process == null) {
          return badName(n);
        }
        const text = channel === 'stdout' ? STUB_LOGS[str(found.process['name'])] : undefined;
        return text === undefined
          ? { fault: 'NO_FILE', detail: n }
          : readTail(text, offset, length);
      },
    });
  return [
    defineMethod({
      name: 'supervisor.getAPIVersion',
      aliases: ['supervisor.getVersion'],
      help: 'API version',
      params: [],
      returns: 'string',
      handler: () => version,
    }),
    defineMethod({
      name: 'supervisor.getSupervisorVersion',
      help: 'v',
      params: [],
      returns: 'string',
      handler: () => '4.2.5',
    }),
    defineMethod({
      name: 'supervisor.getPID',
      help: 'pid',
      params: [],
      returns: 'int',
      handler: () => 4242,
    }),
    defineMethod({
      name: 'supervisor.getAllProcessInfo',
      help: 'all',
      params: [],
      returns: 'array',
      handler: () => [...STUB_PROCESSES],
    }),
    defineMethod({
      name: 'supervisor.getProcessInfo',
      help: 'one',
      params: name,
      returns: 'struct',
      handler: ([n]) => find(n)?.process ?? badName(n),
    }),
    defineMethod({
      name: 'supervisor.getAllConfigInfo',
      help: 'config',
      params: [],
      returns: 'array',
      handler: () => [...CONFIG_INFO],
    }),
    onOne('startProcess', startOutcome, 'ALREADY_STARTED'),
    onGroup('startProcessGroup', startOutcome, 'ALREADY_STARTED'),
    onAll('startAllProcesses', startOutcome, 'ALREADY_STARTED'),
    onOne('stopProcess', stopOutcome, 'NOT_RUNNING'),
    onGroup('stopProcessGroup', stopOutcome, 'NOT_RUNNING'),
    onAll('stopAllProcesses', stopOutcome, 'NOT_RUNNING'),
    defineMethod({
      name: 'supervisor.signalProcess',
      help: 'signal',
      params: [param.string('name'), param.stringOrInt('signal')],
      returns: 'boolean',
      handler: ([n, signal]) => {
        const found = find(n);
        if (found === null) {
          return badName(n);
        }
        const outcome = signalOutcome(String(signal));
        return found.process === null
          ? results(found.group, outcome, 'NOT_RUNNING')
          : single(outcome(found.process), n);
      },
    }),
    defineMethod({
      name: 'supervisor.signalProcessGroup',
      help: 'signal group',
      params: [param.string('name'), param.stringOrInt('signal')],
      returns: 'array',
      handler: ([n, signal]) => {
        const found = find(`${n}:*`);
        return found === null
          ? badName(n)
          : results(found.group, signalOutcome(String(signal)), 'NOT_RUNNING');
      },
    }),
    defineMethod({
      name: 'supervisor.signalAllProcesses',
      help: 'signal all',
      params: [param.stringOrInt('signal')],
      returns: 'array',
      handler: ([signal]) => results(STUB_PROCESSES, signalOutcome(String(signal)), 'NOT_RUNNING'),
    }),
    defineMethod({
      name: 'supervisor.clearProcessLogs',
      aliases: ['supervisor.clearProcessLog'],
      help: 'clear',
      params: name,
      returns: 'boolean',
      handler: ([n]) => (find(n)?.process == null ? badName(n) : true),
    }),
    defineMethod({
      name: 'supervisor.clearAllProcessLogs',
      help: 'clear all',
      params: [],
      returns: 'array',
      handler: () =>
        STUB_PROCESSES.map((p) => statusStruct(str(p['group']), str(p['name']), 'SUCCESS')),
    }),
    readLogMethod('readProcessStdoutLog', 'stdout', ['supervisor.readProcessLog']),
    readLogMethod('readProcessStderrLog', 'stderr', []),
    defineMethod({
      name: 'supervisor.readLog',
      aliases: ['supervisor.readMainLog'],
      help: 'main log',
      params: [param.int('offset'), param.int('length')],
      returns: 'string',
      handler: ([offset, length]) => readTail(STUB_MAIN_LOG, offset, length),
    }),
    defineMethod({
      name: 'supervisor.reloadConfig',
      help: 'reread',
      params: [],
      returns: 'array',
      handler: () => [[[RELOAD.added], [RELOAD.changed], [RELOAD.removed]]],
    }),
    defineMethod({
      name: 'supervisor.addProcessGroup',
      help: 'add',
      params: name,
      returns: 'boolean',
      handler: ([n]): boolean | Fault =>
        // update re-adds the changed group after removing it; the stub stays stateless.
        n === RELOAD.added || n === RELOAD.changed
          ? true
          : find(`${n}:*`) === null
            ? badName(n)
            : { fault: 'ALREADY_ADDED', detail: n },
    }),
    defineMethod({
      name: 'supervisor.removeProcessGroup',
      help: 'remove',
      params: name,
      returns: 'boolean',
      handler: ([n]): boolean | Fault => {
        const found = find(`${n}:*`);
        // update stops these two first; the stub does not remember that.
        if (n === RELOAD.removed || n === RELOAD.changed) {
          return true;
        }
        if (found === null) {
          return badName(n);
        }
        return found.group.some(isRunning) ? { fault: 'STILL_RUNNING', detail: n } : true;
      },
    }),
    defineMethod({
      name: 'supervisor.sendProcessStdin',
      help: 'stdin',
      params: [param.string('name'), param.string('chars')],
      returns: 'boolean',
      handler: ([n]) => (find(n)?.process == null ? badName(n) : true),
    }),
    defineMethod({
      name: 'supervisor.restart',
      help: 'restart',
      params: [],
      returns: 'boolean',
      handler: () => true,
    }),
    defineMethod({
      name: 'supervisor.shutdown',
      help: 'shutdown',
      params: [],
      returns: 'boolean',
      handler: () => true,
    }),
  ];
};
