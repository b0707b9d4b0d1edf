// `restart --rolling <group> ...` (ours): each group through tssupervisor.rollingRestart, one
// process at a time, each back (ready) before the next goes; `all` rolls every group in turn.
// One line per process tried; the first group that does not come back ends the command. In a
// fleet, the same on each host in turn (fleet-rolling.ts), through that host's API.

import { FAULT_CODES } from '../../model/faults.js';
import { parseNamespec } from '../../model/namespec.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { reportEntry, type JsonSink } from './bulk-action.js';
import type { CommandContext } from './command.js';

/** How a roll's lines and exit statuses read. */
export const ROLL = { action: 'restart', noSuchGroupExit: EXIT.GENERIC } as const;

/** The daemon a roll talks to, and the host its lines name (null: the one server). */
export interface RollTarget {
  readonly api: CommandContext['api'];
  readonly ours: CommandContext['ours'];
  readonly host: string | null;
}

/** A bare name is a group here (`web`, as `web:*`); `group:process` is one process: refused. */
export const notAGroup = (spec: string, typed: string = spec): string | null => {
  const { groupName, processName } = parseNamespec(spec);
  return processName !== null && spec.includes(':')
    ? `Error: --rolling restarts whole groups (${groupName} or ${groupName}:*), not ${typed}`
    : null;
};

/** The groups to roll, in the order given (`all`: every group, as status lists them). */
const groupsToRoll = async (
  ctx: CommandContext,
  target: RollTarget,
  names: readonly string[],
): Promise<string[] | null> => {
  if (names.includes('all')) {
    const groups = (await target.api.getAllProcessInfo()).map((info) => info.group);
    return [...new Set(groups)];
  }
  const groups: string[] = [];
  for (const name of names) {
    const refused = notAGroup(name);
    if (refused !== null) {
      ctx.note(refused);
      ctx.setExitStatus(EXIT.INVALID_ARGS);
      return null;
    }
    groups.push(parseNamespec(name).groupName);
  }
  return groups;
};

/** Rolls the groups `names` names; false when one did not come back (or could not roll). */
export const rollingPhase = async (
  ctx: CommandContext,
  names: readonly string[],
  sink: JsonSink | null,
  target: RollTarget = { api: ctx.api, ours: ctx.ours, host: null },
): Promise<boolean> => {
  const { host } = target;
  const groups = await groupsToRoll(ctx, target, names);
  if (groups === null) {
    return false;
  }
  for (const group of groups) {
    const answer = await catchFault(() => target.ours.rollingRestart(group));
    if (!answer.ok) {
      if (answer.fault.faultCode === FAULT_CODES.BAD_NAME) {
        reportEntry(ctx, ROLL, { kind: 'no-such-group', group }, { sink, host });
        return false;
      }
      if (answer.fault.faultCode === FAULT_CODES.UNKNOWN_METHOD) {
        ctx.note(
          `Error: ${host === null ? 'this server' : host} cannot roll a restart (tssupervisor.rollingRestart is ours; supervisord has no such method)`,
        );
        ctx.setExitStatus(EXIT.UNIMPLEMENTED_FEATURE);
        return false;
      }
      throw answer.error;
    }
    for (const result of answer.value) {
      reportEntry(ctx, ROLL, { kind: 'result', result }, { sink, host });
    }
    if (answer.value.some((result) => result.status !== FAULT_CODES.SUCCESS)) {
      // The daemon stopped this roll at the process that did not come back: so do we.
      return false;
    }
  }
  return true;
};
