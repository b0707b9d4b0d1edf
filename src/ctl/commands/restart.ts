// `restart name|group:*|all ...`: stop, then start, the same names (both outputs); does not
// reread the configuration. Under --json both phases go into one array. Ours: `--rolling`
// restarts groups one process at a time (rolling-restart.ts).

import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { renderJson } from '../render/json.js';
import type { JsonSink } from './bulk-action.js';
import { usageError, type CtlCommand } from './command.js';
import { rollingPhase } from './rolling-restart.js';
import { startPhase } from './start.js';
import { stopPhase } from './stop.js';

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
    const words = splitWords(arg);
    const rolling = words.includes('--rolling');
    const names = words.filter((word) => word !== '--rolling');
    if (names.length === 0) {
      return usageError(
        ctx,
        restartCommand,
        'Error: restart requires a process name',
        EXIT.GENERIC,
      );
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
};
