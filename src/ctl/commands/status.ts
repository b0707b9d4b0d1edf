// `status [name|group:*|all ...]`: the process table (or --json, with our health and stats
// figures where the server has them), unknown names reported first;
// exit 4 when a name is unknown or the server is unreachable, 3 when a shown process is down.

import type { ProcessInfo } from '../../protocol/process-info.js';
import { STATUS_EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { processJson, renderJson } from '../render/json.js';
import { extrasFor } from './status-extras.js';
import { runFleetStatus } from '../fleet/fleet-status.js';
import { renderStatusLines } from '../render/status-table.js';
import type { CommandContext, CtlCommand } from './command.js';
import { isStoppedState, matchStatusName, noMatchLine } from './status-select.js';

const select = (ctx: CommandContext, all: readonly ProcessInfo[], names: readonly string[]) => {
  if (names.length === 0 || names.includes('all')) {
    return all;
  }
  const matching: ProcessInfo[] = [];
  for (const name of names) {
    const found = matchStatusName(all, name);
    if (found.length === 0) {
      ctx.note(noMatchLine(name));
      ctx.setExitStatus(STATUS_EXIT.UNKNOWN);
    }
    matching.push(...found);
  }
  return matching;
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
      const extras = await extrasFor(ctx.ours);
      ctx.out(renderJson(matching.map((info) => processJson(info, extras))));
    } else {
      for (const line of renderStatusLines(matching)) {
        ctx.out(line);
      }
    }
    if (matching.some((info) => isStoppedState(info.state))) {
      ctx.setExitStatus(STATUS_EXIT.NOT_RUNNING);
    }
    return undefined;
  },
  runFleet: runFleetStatus,
};
