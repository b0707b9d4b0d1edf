// What the live UI's buttons do: which actions a process offers in its state, which of them ask
// first (everything that stops something or drops logs), and running one through the
// supervisor.* API, worded as tssupervisorctl words it.

import { renderResultLine } from '../../../client-text/action-result.js';
import { RpcClientError } from '../../../protocol/client-error.js';
import type { StatusResult } from '../../../protocol/status-result.js';
import type { SupervisorApi } from '../../../protocol/supervisor-api.js';
import {
  RUNNING_STATES,
  STOPPED_STATES,
  type ProcessStateName,
} from '../../../model/process-state.js';

export type ProcessAction = 'start' | 'stop' | 'restart' | 'clear';
export type GroupAction = 'start' | 'stop' | 'restart';

/** One process, a group by name, or every process. */
export type ActionTarget =
  | { readonly kind: 'process'; readonly namespec: string }
  | { readonly kind: 'group'; readonly group: string }
  | { readonly kind: 'all' };

const isState = (statename: string, states: ReadonlySet<ProcessStateName>): boolean =>
  (states as ReadonlySet<string>).has(statename);

export const processActions = (statename: string): ProcessAction[] => [
  ...(isState(statename, STOPPED_STATES) ? (['start'] as const) : []),
  ...(isState(statename, RUNNING_STATES) ? (['stop', 'restart'] as const) : []),
  'clear',
];

const LABELS: Record<ProcessAction, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  clear: 'Clear log',
};

export const actionLabel = (action: ProcessAction): string => LABELS[action];

const targetText = (target: ActionTarget): string =>
  target.kind === 'process'
    ? target.namespec
    : target.kind === 'group'
      ? `every process of group ${target.group}`
      : 'every process';

/** The question asked before acting; null for a start, which asks nothing. */
export const confirmQuestion = (action: ProcessAction, target: ActionTarget): string | null => {
  switch (action) {
    case 'start':
      return null;
    case 'stop':
      return `Stop ${targetText(target)}?`;
    case 'restart':
      return `Restart ${targetText(target)}?`;
    case 'clear':
      return `Clear the logs of ${targetText(target)}?`;
  }
};

/** Runs an action on one process; resolves with what to tell the user. */
export const runProcessAction = (
  api: SupervisorApi,
  action: ProcessAction,
  namespec: string,
): Promise<string> => worded(namespec, () => runOnProcess(api, action, namespec));

/** Runs an action on a group or every process; resolves with one line per process. */
export const runGroupAction = (
  api: SupervisorApi,
  action: GroupAction,
  target: ActionTarget & { readonly kind: 'group' | 'all' },
): Promise<string> => worded(targetText(target), () => runOnMany(api, action, target));

const worded = async (what: string, act: () => Promise<string>): Promise<string> => {
  try {
    return await act();
  } catch (error: unknown) {
    return error instanceof RpcClientError && error.failure.kind === 'fault'
      ? `${what}: ERROR (${error.failure.faultString})`
      : `${what}: ${error instanceof Error ? error.message : String(error)}`;
  }
};

const runOnProcess = async (
  api: SupervisorApi,
  action: ProcessAction,
  namespec: string,
): Promise<string> => {
  switch (action) {
    case 'start':
      await api.startProcess(namespec);
      return `${namespec}: started`;
    case 'stop':
      await api.stopProcess(namespec);
      return `${namespec}: stopped`;
    case 'restart':
      await stopUnlessStopped(api, namespec);
      await api.startProcess(namespec);
      return `${namespec}: restarted`;
    case 'clear':
      await api.clearProcessLogs(namespec);
      return `${namespec}: cleared`;
  }
};

/** A restart of a process that is not running just starts it, as supervisorctl's does. */
const stopUnlessStopped = async (api: SupervisorApi, namespec: string): Promise<void> => {
  try {
    await api.stopProcess(namespec);
  } catch (error: unknown) {
    const notRunning =
      error instanceof RpcClientError &&
      error.failure.kind === 'fault' &&
      error.failure.fault === 'NOT_RUNNING';
    if (!notRunning) {
      throw error;
    }
  }
};

const runOnMany = async (
  api: SupervisorApi,
  action: GroupAction,
  target: ActionTarget & { readonly kind: 'group' | 'all' },
): Promise<string> => {
  const start = (): Promise<StatusResult[]> =>
    target.kind === 'all' ? api.startAllProcesses() : api.startProcessGroup(target.group);
  const stop = (): Promise<StatusResult[]> =>
    target.kind === 'all' ? api.stopAllProcesses() : api.stopProcessGroup(target.group);
  const lines = (verb: 'start' | 'stop', results: readonly StatusResult[]): string[] =>
    results.map((result) => renderResultLine(verb, result));
  let said: string[];
  switch (action) {
    case 'start':
      said = lines('start', await start());
      break;
    case 'stop':
      said = lines('stop', await stop());
      break;
    case 'restart':
      said = [...lines('stop', await stop()), ...lines('start', await start())];
      break;
  }
  return said.length === 0 ? `${targetText(target)}: nothing to ${action}` : said.join('\n');
};
