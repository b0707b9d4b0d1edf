// The shared engine of start, stop, signal and clear: `all` or one call per name (group specs
// go to the group method), calls scheduled by bulk-order, results printed in argument order
// with supervisorctl's lines and exit statuses, or collected for --json.

import { FAULT_CODES } from '../../model/faults.js';
import { catchFault, faultOf } from '../../protocol/faults.js';
import { successResult, type StatusResult } from '../../protocol/status-result.js';
import { scheduleBulk } from '../bulk-order.js';
import { exitStatusForResult } from '../exit-codes.js';
import { makeNamespec, parseNamespec } from '../../model/namespec.js';
import { renderResultLine, type BulkAction } from '../../client-text/action-result.js';
import { resultJson, type ResultJson } from '../render/json.js';
import type { CommandContext } from './command.js';

export interface BulkSpec {
  readonly action: BulkAction;
  /** The fault this action shrugs off (start: ALREADY_STARTED, stop: NOT_RUNNING). */
  readonly ignoredFault?: number;
  /** Exit status for an unknown group (start says 2, the others 1). */
  readonly noSuchGroupExit: number;
  readonly all: () => Promise<StatusResult[]>;
  /** Absent for clear, which sends group specs to the per-process method as they are. */
  readonly group?: (name: string) => Promise<StatusResult[]>;
  readonly process: (name: string) => Promise<void>;
}

export type Entry =
  | { readonly kind: 'result'; readonly result: StatusResult }
  | { readonly kind: 'no-such-group'; readonly group: string };

const runOneName = async (spec: BulkSpec, name: string): Promise<Entry[]> => {
  const { groupName: group, processName: process } = parseNamespec(name);
  const groupCall = spec.group;
  if (process === null && groupCall !== undefined) {
    try {
      return (await groupCall(group)).map((result) => ({ kind: 'result', result }));
    } catch (error) {
      if (faultOf(error)?.faultCode === FAULT_CODES.BAD_NAME) {
        return [{ kind: 'no-such-group', group }];
      }
      throw error;
    }
  }
  const answer = await catchFault(() => spec.process(name));
  // `clear g:*` names no process: show the spec as typed (supervisorctl prints `g:None`).
  const shownName = process ?? name.slice(name.indexOf(':') + 1);
  return [
    {
      kind: 'result',
      result: answer.ok
        ? successResult(group, shownName)
        : {
            group,
            name: shownName,
            status: answer.fault.faultCode,
            description: answer.fault.faultString,
          },
    },
  ];
};

/** Collects --json entries across the phases of one command (restart has two). */
export type JsonSink = ResultJson[];

/**
 * One result (or an unknown group) as a line or a --json entry, setting the exit status. In a
 * fleet, `host` is the daemon it came from: the line's name starts `host:`, the entry says it.
 */
export const reportEntry = (
  ctx: CommandContext,
  spec: Pick<BulkSpec, 'action' | 'ignoredFault' | 'noSuchGroupExit'>,
  entry: Entry,
  { sink, host = null }: { readonly sink: JsonSink | null; readonly host?: string | null },
): void => {
  const prefix = host === null ? '' : `${host}:`;
  const hostField = host === null ? {} : { host };
  if (entry.kind === 'no-such-group') {
    ctx.setExitStatus(spec.noSuchGroupExit);
    const line = `${prefix}${entry.group}: ERROR (no such group)`;
    if (sink === null) {
      ctx.out(line);
    } else {
      sink.push({
        ...hostField,
        action: spec.action,
        namespec: `${entry.group}:*`,
        name: '*',
        group: entry.group,
        ok: false,
        message: 'no such group',
        faultCode: FAULT_CODES.BAD_NAME,
        description: `BAD_NAME: ${entry.group}`,
      });
    }
    return;
  }
  const status = exitStatusForResult(entry.result.status, spec.ignoredFault);
  if (status !== null) {
    ctx.setExitStatus(status);
  }
  const { result } = entry;
  if (sink === null) {
    ctx.out(
      renderResultLine(spec.action, result, `${prefix}${makeNamespec(result.group, result.name)}`),
    );
  } else {
    sink.push({ ...hostField, ...resultJson(spec.action, result) });
  }
};

/**
 * The calls for `names` (`all`: the one all-method call), started at once as bulk-order
 * allows; their entries in argument order.
 */
export const bulkEntries = (
  spec: BulkSpec,
  names: readonly string[],
  parallel: boolean,
): Promise<Entry[]>[] => {
  if (names.includes('all')) {
    return [
      spec.all().then((results) => results.map((result): Entry => ({ kind: 'result', result }))),
    ];
  }
  return scheduleBulk(
    names.map((name) => ({ scope: parseNamespec(name), run: () => runOneName(spec, name) })),
    parallel,
  );
};

export const runBulkAction = async (
  ctx: CommandContext,
  spec: BulkSpec,
  names: readonly string[],
  sink: JsonSink | null,
): Promise<void> => {
  for (const outcome of bulkEntries(spec, names, ctx.parallel)) {
    for (const entry of await outcome) {
      reportEntry(ctx, spec, entry, { sink });
    }
  }
};
