// A canned, stateless supervisor.* method family for ctl integration and compatibility tests:
// the same call always gets the same answer (so the real supervisorctl and ours see the same
// world), shaped and ordered as supervisord 4.2.5 answers, with its faults.

import type { Fault } from '../../src/model/faults.js';
import { defineMethod, type RpcMethod } from '../../src/rpc/method-definition.js';
import { optional, param } from '../../src/rpc/method-params.js';
import type { XmlRpcStruct } from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import { statusStruct } from './supervisor-answers.js';
import {
  badName,
  CONFIG_INFO,
  find,
  isRunning,
  readTail,
  RELOAD,
  results,
  signalOutcome,
  single,
  startOutcome,
  stopOutcome,
  str,
  STUB_LOGS,
  STUB_MAIN_LOG,
  STUB_PROCESSES,
  type Outcome,
} from './supervisor-stub-world.js';

export { STUB_LOGS, STUB_MAIN_LOG, STUB_PROCESSES };

export interface StubOptions {
  /** What getAPIVersion/getVersion answer ("3.0" unless a test wants a mismatch). */
  readonly apiVersion?: string;
}

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
