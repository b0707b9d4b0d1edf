// supervisor.start*/stop*/signal*: one process, a group or all. With `wait` a call settles when
// the engine reports the state reached (PROCESS_STATE events, no polling). Group and all variants
// act only on processes that need it and report failures inside the result array.

import type { SupervisedProcess } from '../../engine/process.js';
import type { BatchResult } from '../../engine/supervisor.js';
import type { Fault } from '../../model/faults.js';
import { isSignallableState, isStoppedState } from '../../model/process-state.js';
import type { SignalName } from '../../model/signals.js';
import { defineMethod, type RpcMethod } from '../method-definition.js';
import { optional, param } from '../method-params.js';
import type { SupervisorFacade } from '../supervisor-facade.js';
import { parseSignal, type SignalRequest } from './signal-param.js';
import {
  asGiven,
  collectStatuses,
  statusStruct,
  unlessAborted,
  type StatusStruct,
} from './status-structs.js';

const startStatuses = (
  facade: SupervisorFacade,
  results: readonly BatchResult[],
  wait: boolean,
  signal: AbortSignal,
): Promise<StatusStruct[]> =>
  collectStatuses(
    results,
    (process) =>
      !wait || process.state === 'RUNNING'
        ? undefined
        : unlessAborted(facade.engine.waitForStart(process, signal), signal, undefined),
    () => facade.monotonicMs(),
  );

const stopStatuses = (
  facade: SupervisorFacade,
  results: readonly BatchResult[],
  wait: boolean,
  signal: AbortSignal,
): Promise<StatusStruct[]> =>
  collectStatuses(
    results,
    (process) =>
      !wait || isStoppedState(process.state)
        ? undefined
        : unlessAborted(
            facade.engine.waitForStop(process, signal).then(() => undefined),
            signal,
            undefined,
          ),
    () => facade.monotonicMs(),
  );

/** An unparseable signal is reported per signallable process, as supervisord does. */
const signalStatuses = (
  processes: readonly SupervisedProcess[],
  request: SignalRequest | undefined,
  given: string | number,
  signalAll: (name: SignalName) => BatchResult[],
): StatusStruct[] => {
  if (request?.kind === 'signal') {
    return signalAll(request.name).map(({ process, fault }) => statusStruct(process, fault));
  }
  const fault: Fault | undefined =
    request === undefined ? { fault: 'BAD_SIGNAL', detail: String(given) } : undefined;
  return processes
    .filter((p) => isSignallableState(p.state))
    .map((process) => statusStruct(process, fault));
};

export const controlMethods = (facade: SupervisorFacade): readonly RpcMethod[] => {
  const { engine } = facade;

  const startGroup = (name: string, wait: boolean, signal: AbortSignal) => {
    const group = engine.group(name);
    return group === undefined
      ? ({ fault: 'BAD_NAME', detail: name } as const)
      : startStatuses(facade, engine.startGroup(group), wait, signal);
  };
  const stopGroup = (name: string, wait: boolean, signal: AbortSignal) => {
    const group = engine.group(name);
    return group === undefined
      ? ({ fault: 'BAD_NAME', detail: name } as const)
      : stopStatuses(facade, engine.stopGroup(group), wait, signal);
  };
  const signalGroup = (name: string, given: string | number) => {
    const group = engine.group(name);
    if (group === undefined) {
      return { fault: 'BAD_NAME', detail: name } as const;
    }
    return signalStatuses(group.inPriorityOrder(), parseSignal(given), given, (sig) =>
      engine.signalGroup(group, sig),
    );
  };

  /** `group:*` acts on the group (its array result); a process name on that process. */
  const byName = <G, P>(
    name: string,
    onGroup: (group: string) => G,
    onProcess: (process: SupervisedProcess) => P,
  ): G | P | Fault => {
    const found = engine.lookup(name);
    switch (found.kind) {
      case 'bad-name':
        return found.fault;
      case 'group':
        return onGroup(found.group.name);
      case 'process':
        return onProcess(found.process);
    }
  };

  return [
    defineMethod({
      name: 'supervisor.startProcess',
      help: 'Start one process, or every process of a group when the name is `group:*`.\n\nWith wait (the default) the call returns once the process is RUNNING (it has stayed up for startsecs), or fails with SPAWN_ERROR or ABNORMAL_TERMINATION if it does not get there. A group name returns the array startProcessGroup returns.\n\n@param string name  process name, `group:name`, or `group:*`\n@param boolean wait  wait until the process is RUNNING (default true)\n@return boolean result  true (an array for a group name)',
      params: [param.string('name'), optional(param.boolean('wait'), true)],
      returns: 'boolean',
      handler: async ([name, wait], { signal }) =>
        byName(
          name,
          (group) => startGroup(group, wait, signal),
          async (process) => {
            const refused = asGiven(engine.start(process), process, name);
            if (refused !== undefined) {
              return refused;
            }
            if (!wait || process.state === 'RUNNING') {
              return true;
            }
            const outcome = await unlessAborted(
              engine.waitForStart(process, signal),
              signal,
              undefined,
            );
            return asGiven(outcome, process, name) ?? true;
          },
        ),
    }),
    defineMethod({
      name: 'supervisor.startProcessGroup',
      help: 'Start every process of a group that is not already running.\n\nProcesses that are up are left out of the result; failures are reported inside it.\n\n@param string name  the group name\n@param boolean wait  wait until each process is RUNNING (default true)\n@return array result  status structs {name, group, status, description}',
      params: [param.string('name'), optional(param.boolean('wait'), true)],
      returns: 'array',
      handler: ([name, wait], { signal }) => startGroup(name, wait, signal),
    }),
    defineMethod({
      name: 'supervisor.startAllProcesses',
      help: 'Start every process that is not already running, in priority order.\n\n@param boolean wait  wait until each process is RUNNING (default true)\n@return array result  status structs {name, group, status, description}',
      params: [optional(param.boolean('wait'), true)],
      returns: 'array',
      handler: ([wait], { signal }) => startStatuses(facade, engine.startAll(), wait, signal),
    }),
    defineMethod({
      name: 'supervisor.stopProcess',
      help: 'Stop one process, or every process of a group when the name is `group:*`.\n\nWith wait (the default) the call returns once the process has stopped (after stopwaitsecs and SIGKILL if it has to come to that).\n\n@param string name  process name, `group:name`, or `group:*`\n@param boolean wait  wait until the process is stopped (default true)\n@return boolean result  true (an array for a group name)',
      params: [param.string('name'), optional(param.boolean('wait'), true)],
      returns: 'boolean',
      handler: async ([name, wait], { signal }) =>
        byName(
          name,
          (group) => stopGroup(group, wait, signal),
          async (process) => {
            const refused = asGiven(engine.stop(process), process, name);
            if (refused !== undefined) {
              return refused;
            }
            if (wait && !isStoppedState(process.state)) {
              await unlessAborted(engine.waitForStop(process, signal), signal, undefined);
            }
            return true;
          },
        ),
    }),
    defineMethod({
      name: 'supervisor.stopProcessGroup',
      help: 'Stop every running process of a group.\n\nProcesses that are not running are left out of the result; failures are reported inside it.\n\n@param string name  the group name\n@param boolean wait  wait until each process is stopped (default true)\n@return array result  status structs {name, group, status, description}',
      params: [param.string('name'), optional(param.boolean('wait'), true)],
      returns: 'array',
      handler: ([name, wait], { signal }) => stopGroup(name, wait, signal),
    }),
    defineMethod({
      name: 'supervisor.stopAllProcesses',
      help: 'Stop every running process, in priority order.\n\n@param boolean wait  wait until each process is stopped (default true)\n@return array result  status structs {name, group, status, description}',
      params: [optional(param.boolean('wait'), true)],
      returns: 'array',
      handler: ([wait], { signal }) => stopStatuses(facade, engine.stopAll(), wait, signal),
    }),
    defineMethod({
      name: 'supervisor.signalProcess',
      help: 'Send a Unix signal to one process (its pid only), or to every process of a group when the name is `group:*`.\n\n@param string name  process name, `group:name`, or `group:*`\n@param string signal  a name (`HUP`, `SIGHUP`) or a number (`1`)\n@return boolean result  true (an array for a group name)',
      params: [param.string('name'), param.stringOrInt('signal')],
      returns: 'boolean',
      handler: ([name, given]) =>
        byName(
          name,
          (group) => signalGroup(group, given),
          (process) => {
            const request = parseSignal(given);
            if (request === undefined) {
              return { fault: 'BAD_SIGNAL', detail: String(given) } as const;
            }
            if (request.kind === 'probe') {
              return isSignallableState(process.state)
                ? true
                : ({ fault: 'NOT_RUNNING', detail: name } as const);
            }
            return asGiven(engine.signal(process, request.name), process, name) ?? true;
          },
        ),
    }),
    defineMethod({
      name: 'supervisor.signalProcessGroup',
      help: 'Send a Unix signal to every process of a group that has a pid.\n\n@param string name  the group name\n@param string signal  a name (`HUP`, `SIGHUP`) or a number (`1`)\n@return array result  status structs {name, group, status, description}',
      params: [param.string('name'), param.stringOrInt('signal')],
      returns: 'array',
      handler: ([name, given]) => signalGroup(name, given),
    }),
    defineMethod({
      name: 'supervisor.signalAllProcesses',
      help: 'Send a Unix signal to every process that has a pid.\n\n@param string signal  a name (`HUP`, `SIGHUP`) or a number (`1`)\n@return array result  status structs {name, group, status, description}',
      params: [param.stringOrInt('signal')],
      returns: 'array',
      handler: ([given]) =>
        signalStatuses(engine.allProcesses(), parseSignal(given), given, (sig) =>
          engine.signalAll(sig),
        ),
    }),
  ];
};
