// `restart name|group:*|all ...`: stop, then start, the same names (both outputs); does not
// reread the configuration. Under --json both phases go into one array. Ours: `--rolling`
// restarts groups one process at a time (rolling-restart.ts), in a fleet one host at a time.

import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { renderJson } from '../render/json.js';
import type { JsonSink } from './bulk-action.js';
import { usageError, type CommandContext, type CtlCommand } from './command.js';
import { rollingPhase } from './rolling-restart.js';
import { START_PHASE, startPhase } from './start.js';
import { STOP_PHASE, stopPhase } from './stop.js';
import { runFleetAction } from '../fleet/fleet-actions.js';
import { runFleetRolling } from '../fleet/fleet-rolling.js';

const readWords = (arg: string): { rolling: boolean; names: string[] } => {
  const words = splitWords(arg);
  return { rolling: words.includes('--rolling'), names: words.filter((w) => w !== '--rolling') };
};

const noNames = (ctx: CommandContext): undefined =>
  usageError(ctx, restartCommand, 'Error: restart requires a process name', EXIT.GENERIC);

export const restartCommand: CtlCommand = {
  name: 'restart',
  json: true,
  listed: true,
  completes: 'processes',
  help: [
    'restart <name> ...\tStop, then start processes; <group>:* for a whole group.',
    'restart all\t\tStop, then start every process.',
    'restart --rolling <group> ...\tOne process at a time, each back (ready) before the next.',
    'The configuration is not reread: use reread and update for that.',
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      return undefined;
    }
    const { rolling, names } = readWords(arg);
    if (names.length === 0) {
      return noNames(ctx);
    }
    const sink: JsonSink | null = ctx.json ? [] : null;
    if (rolling) {
      await rollingPhase(ctx, names, sink);
    } else {
      await stopPhase(ctx, names, sink);
      await startPhase(ctx, names, sink);
    }
    if (sink !== null) {
      ctx.out(renderJson(sink));
    }
    return undefined;
  },
  runFleet: async (ctx, fleet, arg) => {
    const { rolling, names } = readWords(arg);
    if (names.length === 0) {
      return noNames(ctx);
    }
    if (rolling) {
      await runFleetRolling(ctx, fleet, names);
      return undefined;
    }
    await runFleetAction(ctx, fleet, names, [STOP_PHASE, START_PHASE]);
    return undefined;
  },
};
