// `signal SIG name|group:*|all ...`: `<ns>: signalled` or `<ns>: ERROR (<reason>)` per process.

import type { SupervisorApi } from '../../protocol/supervisor-api.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { renderJson } from '../render/json.js';
import { runBulkAction, type BulkSpec, type JsonSink } from './bulk-action.js';
import { usageError, type CtlCommand } from './command.js';

const signalSpec = (api: SupervisorApi, signal: string): BulkSpec => ({
  action: 'signal',
  noSuchGroupExit: EXIT.GENERIC,
  all: () => api.signalAllProcesses(signal),
  group: (name) => api.signalProcessGroup(name, signal),
  process: (name) => api.signalProcess(name, signal),
});

export const signalCommand: CtlCommand = {
  name: 'signal',
  json: true,
  listed: true,
  completes: 'processes',
  help: [
    'signal <sig> <name> ...\tSend a signal (HUP, USR1, 15, …) to processes.',
    'signal <sig> <group>:*\tSignal every process of a group.',
    'signal <sig> all\tSignal every process that can be signalled.',
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      return undefined;
    }
    const [signal, ...names] = splitWords(arg);
    if (signal === undefined || names.length === 0) {
      return usageError(
        ctx,
        signalCommand,
        'Error: signal requires a signal name and a process name',
        EXIT.GENERIC,
      );
    }
    const sink: JsonSink | null = ctx.json ? [] : null;
    await runBulkAction(ctx, signalSpec(ctx.api, signal), names, sink);
    if (sink !== null) {
      ctx.out(renderJson(sink));
    }
    return undefined;
  },
};
