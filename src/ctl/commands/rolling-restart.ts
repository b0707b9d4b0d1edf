// `restart --rolling <group> ...` (ours): each group through tssupervisor.rollingRestart, one
// process at a time, each back (ready) before the next goes; `all` rolls every group in turn.
// One line per process tried; the first group that does not come back ends the command.

import { FAULT_CODES } from '../../model/faults.js';
import { parseNamespec } from '../../model/namespec.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { reportEntry, type JsonSink } from './bulk-action.js';
import type { CommandContext } from './command.js';

const ROLL = { action: 'restart', noSuchGroupExit: EXIT.GENERIC } as const;

/** The groups to roll, in the order given (`all`: every group, as status lists them). */
const groupsToRoll = async (
  ctx: CommandContext,
  names: readonly string[],
): Promise<string[] | null> => {
  if (names.includes('all')) {
    const groups = (await ctx.api.getAllProcessInfo()).map((info) => info.group);
    return [...new Set(groups)];
  }
  const groups: string[] = [];
  for (const name of names) {
    // A bare name is a group here (`web`, as `web:*`); `group:process` is one process.
    const { groupName, processName } = parseNamespec(name);
    if (processName !== null && name.includes(':')) {
      ctx.note(
        `Error: --rolling restarts whole groups (${groupName} or ${groupName}:*), not ${name}`,
      );
      ctx.setExitStatus(EXIT.INVALID_ARGS);
      return null;
    }
    groups.push(groupName);
  }
  return groups;
};

export const rollingPhase = async (
  ctx: CommandContext,
  names: readonly string[],
  sink: JsonSink | null,
): Promise<void> => {
  const groups = await groupsToRoll(ctx, names);
  for (const group of groups ?? []) {
    const answer = await catchFault(() => ctx.ours.rollingRestart(group));
    if (!answer.ok) {
      if (answer.fault.faultCode === FAULT_CODES.BAD_NAME) {
        reportEntry(ctx, ROLL, { kind: 'no-such-group', group }, { sink });
        return;
      }
      if (answer.fault.faultCode === FAULT_CODES.UNKNOWN_METHOD) {
        ctx.note(
          'Error: this server cannot roll a restart (tssupervisor.rollingRestart is ours; supervisord has no such method)',
        );
        ctx.setExitStatus(EXIT.UNIMPLEMENTED_FEATURE);
        return;
      }
      throw answer.error;
    }
    for (const result of answer.value) {
      reportEntry(ctx, ROLL, { kind: 'result', result }, { sink });
    }
    if (answer.value.some((result) => result.status !== FAULT_CODES.SUCCESS)) {
      // The daemon stopped this roll at the process that did not come back: so do we.
      return;
    }
  }
};
