// Performs a ProcessCommand with the supervisor.* API, as tssupervisorctl would, and words its
// result in one line: supervisorctl's words for one process, a count and the first error for many.

import type { SupervisorApi } from '../protocol/supervisor-api.js';
import { faultOf } from '../protocol/faults.js';
import type { StatusResult } from '../protocol/status-result.js';
import { parseNamespec } from '../model/namespec.js';
import { renderResultLine, resultMessage, type BulkAction } from '../client-text/action-result.js';
import { describeFailure } from '../client-text/failure-text.js';
import { FAULT_CODES } from '../model/faults.js';
import { RpcClientError } from '../protocol/client-error.js';
import {
  describeTarget,
  type CommandOutcome,
  type CommandTarget,
  type ProcessCommand,
} from './commands.js';

const SUCCESS = FAULT_CODES.SUCCESS;

/** A single call's fault as the status struct group calls answer with. */
const asResult = (namespec: string, error: unknown): StatusResult => {
  const fault = faultOf(error);
  if (fault === null) {
    throw error;
  }
  const { groupName: group, processName: process } = parseNamespec(namespec);
  return {
    name: process ?? '*',
    group,
    status: fault.faultCode,
    description: fault.faultString,
  };
};

const single = async (namespec: string, call: () => Promise<void>): Promise<StatusResult[]> => {
  try {
    await call();
    const { groupName: group, processName: process } = parseNamespec(namespec);
    return [{ name: process ?? '*', group, status: SUCCESS, description: 'OK' }];
  } catch (error) {
    return [asResult(namespec, error)];
  }
};

/**
 * One line: supervisorctl's for one process; for a group or all, `web:*: 3 started`, or the
 * count and the first failure.
 */
const summarize = (
  action: BulkAction,
  target: CommandTarget,
  results: readonly StatusResult[],
): CommandOutcome => {
  const failed = results.filter((r) => r.status !== SUCCESS);
  const [only] = results;
  if (target.kind === 'process' && only !== undefined) {
    return { ok: failed.length === 0, text: renderResultLine(action, only) };
  }
  const label = describeTarget(target);
  if (results.length === 0) {
    return { ok: true, text: `${label}: nothing to ${action}` };
  }
  const word = resultMessage(action, { name: '', group: '', status: SUCCESS, description: 'OK' });
  const [first] = failed;
  return first === undefined
    ? { ok: true, text: `${label}: ${results.length} ${word}` }
    : {
        ok: false,
        text: `${label}: ${results.length - failed.length} ${word}, ${failed.length} failed: ${renderResultLine(action, first)}`,
      };
};

type Calls = Record<
  'start' | 'stop',
  {
    one: (namespec: string) => Promise<void>;
    group: (group: string) => Promise<StatusResult[]>;
    all: () => Promise<StatusResult[]>;
  }
>;

const callsOf = (api: SupervisorApi): Calls => ({
  start: {
    one: (namespec) => api.startProcess(namespec),
    group: (group) => api.startProcessGroup(group),
    all: () => api.startAllProcesses(),
  },
  stop: {
    one: (namespec) => api.stopProcess(namespec),
    group: (group) => api.stopProcessGroup(group),
    all: () => api.stopAllProcesses(),
  },
});

const forTarget = (target: CommandTarget, calls: Calls['start']): Promise<StatusResult[]> => {
  switch (target.kind) {
    case 'process':
      return single(target.namespec, () => calls.one(target.namespec));
    case 'group':
      return calls.group(target.group);
    case 'all':
      return calls.all();
  }
};

const restart = async (api: SupervisorApi, target: CommandTarget): Promise<CommandOutcome> => {
  const calls = callsOf(api);
  const stopped = await forTarget(target, calls.stop);
  const stopFailure = stopped.find(
    (r) => r.status !== SUCCESS && r.status !== FAULT_CODES.NOT_RUNNING,
  );
  if (stopFailure !== undefined) {
    return { ok: false, text: renderResultLine('stop', stopFailure) };
  }
  const started = await forTarget(target, calls.start);
  const outcome = summarize('start', target, started);
  return { ok: outcome.ok, text: outcome.text.replace(/started$/, 'restarted') };
};

const clear = async (api: SupervisorApi, target: CommandTarget): Promise<StatusResult[]> => {
  switch (target.kind) {
    case 'process':
      return single(target.namespec, () => api.clearProcessLogs(target.namespec));
    case 'group': {
      const each = target.members.map((m) => single(m, () => api.clearProcessLogs(m)));
      return (await Promise.all(each)).flat();
    }
    case 'all':
      return api.clearAllProcessLogs();
  }
};

const signal = (api: SupervisorApi, target: CommandTarget, sig: string) => {
  switch (target.kind) {
    case 'process':
      return single(target.namespec, () => api.signalProcess(target.namespec, sig));
    case 'group':
      return api.signalProcessGroup(target.group, sig);
    case 'all':
      return api.signalAllProcesses(sig);
  }
};

/** supervisorctl's `update`: remove dropped groups, re-add changed ones, add new ones. */
const update = async (api: SupervisorApi): Promise<CommandOutcome> => {
  const changes = await api.reloadConfig();
  const problems: string[] = [];
  for (const group of changes.removed) {
    const results = await api.stopProcessGroup(group);
    if (results.some((r) => r.status === FAULT_CODES.FAILED)) {
      problems.push(`${group}: has problems; not removing`);
      continue;
    }
    await api.removeProcessGroup(group);
  }
  for (const group of changes.changed) {
    await api.stopProcessGroup(group);
    await api.removeProcessGroup(group);
    await api.addProcessGroup(group);
  }
  for (const group of changes.added) {
    await api.addProcessGroup(group);
  }
  const parts = (['added', 'changed', 'removed'] as const)
    .filter((kind) => changes[kind].length > 0)
    .map((kind) => `${kind} ${changes[kind].join(', ')}`);
  if (parts.length === 0) {
    return { ok: true, text: 'No config updates to processes' };
  }
  return { ok: problems.length === 0, text: `update: ${[...parts, ...problems].join('; ')}` };
};

const perform = async (api: SupervisorApi, command: ProcessCommand): Promise<CommandOutcome> => {
  switch (command.verb) {
    case 'update':
      return update(api);
    case 'restart':
      return restart(api, command.target);
    case 'start':
    case 'stop':
      return summarize(
        command.verb,
        command.target,
        await forTarget(command.target, callsOf(api)[command.verb]),
      );
    case 'signal':
      return summarize('signal', command.target, await signal(api, command.target, command.signal));
    case 'clear':
      return summarize('clear', command.target, await clear(api, command.target));
  }
};

/** Never rejects: a broken connection or a fault nobody expected is an outcome too. */
export const runCommand = async (
  api: SupervisorApi,
  command: ProcessCommand,
  serverUrl: string,
): Promise<CommandOutcome> => {
  try {
    return await perform(api, command);
  } catch (error) {
    const what = command.verb === 'update' ? 'update' : describeTarget(command.target);
    const reason =
      error instanceof RpcClientError
        ? describeFailure(error.failure, serverUrl)
        : error instanceof Error
          ? error.message
          : String(error);
    return { ok: false, text: `${what}: ERROR (${reason})` };
  }
};
