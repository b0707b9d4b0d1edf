// `clear name ...|all`: empty processes' log files; `<ns>: cleared` or an error per name.

import type { SupervisorApi } from '../../protocol/supervisor-api.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { renderJson } from '../render/json.js';
import { runBulkAction, type BulkSpec, type JsonSink } from './bulk-action.js';
import { usageError, type CtlCommand } from './command.js';

const clearSpec = (api: SupervisorApi): BulkSpec => ({
  action: 'clear',
  noSuchGroupExit: EXIT.GENERIC,
  all: () => api.clearAllProcessLogs(),
  process: (name) => api.clearProcessLogs(name),
});

export const clearCommand: CtlCommand = {
  name: 'clear',
  json: true,
  listed: true,
  completes: 'processes',
  help: [
    "clear <name> ...\tEmpty the named processes' stdout and stderr log files.",
    "clear all\t\tEmpty every process's log files.",
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      return undefined;
    }
    const names = splitWords(arg);
    if (names.length === 0) {
      return usageError(ctx, clearCommand, 'Error: clear requires a process name', EXIT.GENERIC);
    }
    const sink: JsonSink | null = ctx.json ? [] : null;
    await runBulkAction(ctx, clearSpec(ctx.api), names, sink);
    if (sink !== null) {
      ctx.out(renderJson(sink));
    }
    return undefined;
  },
};
