// `status [name|group:*|all ...]`: the process table (or --json, with our health and stats
// figures where the server has them), unknown names reported first;
// exit 4 when a name is unknown or the server is unreachable, 3 when a shown process is down.

import { PROCESS_STATE_CODES, STOPPED_STATES } from '../../model/process-state.js';
import type { ProcessInfo } from '../../protocol/process-info.js';
import { STATUS_EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { makeNamespec, parseNamespec } from '../../model/namespec.js';
import { processJson, renderJson, type ProcessExtras } from '../render/json.js';
import { catchFault } from '../../protocol/faults.js';
import { renderStatusLines } from '../render/status-table.js';
import type { CommandContext, CtlCommand } from './command.js';

const STOPPED_CODES: ReadonlySet<number> = new Set(
  [...STOPPED_STATES].map((name) => PROCESS_STATE_CODES[name]),
);

const select = (ctx: CommandContext, all: readonly ProcessInfo[], names: readonly string[]) => {
  if (names.length === 0 || names.includes('all')) {
    return all;
  }
  const matching: ProcessInfo[] = [];
  for (const name of names) {
    const { groupName: group, processName: process } = parseNamespec(name);
    const found = all.filter(
      (info) => info.group === group && (process === null || info.name === process),
    );
    if (found.length === 0) {
      ctx.note(
        process === null ? `${group}: ERROR (no such group)` : `${name}: ERROR (no such process)`,
      );
      ctx.setExitStatus(STATUS_EXIT.UNKNOWN);
    }
    matching.push(...found);
  }
  return matching;
};

/** Our methods' figures for --json, keyed by namespec; a server without them gives nulls. */
const extrasFor = async (ctx: CommandContext): Promise<ProcessExtras> => {
  const [health, stats] = await Promise.all([
    catchFault(() => ctx.ours.getProcessHealth()),
    catchFault(() => ctx.ours.getProcessStats()),
  ]);
  const byNamespec = <T extends { name: string; group: string }>(rows: readonly T[]) =>
    new Map(rows.map((row) => [makeNamespec(row.group, row.name), row]));
  return {
    health: health.ok ? byNamespec(health.value) : null,
    stats: stats.ok ? byNamespec(stats.value) : null,
  };
};

export const statusCommand: CtlCommand = {
  name: 'status',
  json: true,
  listed: true,
  completes: 'processes',
  help: [
    'status\t\t\tShow every process: name, state, description.',
    'status <name> ...\tShow only the named processes (<group>:* for a whole group).',
    'Exit status: 3 if a shown process is not running, 4 for an unknown name or no server.',
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      ctx.setExitStatus(STATUS_EXIT.UNKNOWN);
      return undefined;
    }
    const all = await ctx.api.getAllProcessInfo();
    const matching = select(ctx, all, splitWords(arg));
    if (ctx.json) {
      const extras = await extrasFor(ctx);
      ctx.out(renderJson(matching.map((info) => processJson(info, extras))));
    } else {
      for (const line of renderStatusLines(matching)) {
        ctx.out(line);
      }
    }
    if (matching.some((info) => STOPPED_CODES.has(info.state))) {
      ctx.setExitStatus(STATUS_EXIT.NOT_RUNNING);
    }
    return undefined;
  },
};
