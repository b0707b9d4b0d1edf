// `stop name|group:*|all ...`: `<ns>: stopped` or `<ns>: ERROR (<reason>)` per process; a
// process that is not running is reported but is not an error.

import { FAULT_CODES } from '../../model/faults.js';
import type { SupervisorApi } from '../../protocol/supervisor-api.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { renderJson } from '../render/json.js';
import { runBulkAction, type BulkSpec, type JsonSink } from './bulk-action.js';
import { usageError, type CommandContext, type CtlCommand } from './command.js';
import { fleetVerb, type PhaseSpec } from '../fleet/fleet-actions.js';

const STOP_REPORTS = {
  action: 'stop',
  ignoredFault: FAULT_CODES.NOT_RUNNING,
  noSuchGroupExit: EXIT.GENERIC,
} as const;

const stopSpec = (api: SupervisorApi): BulkSpec => ({
  ...STOP_REPORTS,
  all: () => api.stopAllProcesses(),
  group: (name) => api.stopProcessGroup(name),
  process: (name) => api.stopProcess(name),
});

/** stop across a fleet, and restart's first phase there. */
export const STOP_PHASE: PhaseSpec = { reports: STOP_REPORTS, on: stopSpec };

/** The stop half of restart, too: its own upcheck, then the calls. */
export const stopPhase = async (
  ctx: CommandContext,
  names: readonly string[],
  sink: JsonSink | null,
): Promise<void> => {
  if (await ctx.upcheck()) {
    await runBulkAction(ctx, stopSpec(ctx.api), names, sink);
  }
};

const noNames = (ctx: CommandContext): undefined =>
  usageError(ctx, stopCommand, 'Error: stop requires a process name', EXIT.GENERIC);

export const stopCommand: CtlCommand = {
  name: 'stop',
  json: true,
  listed: true,
  completes: 'processes',
  help: [
    'stop <name> ...\t\tStop processes; <group>:* stops a whole group.',
    'stop all\t\tStop every running process.',
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      return undefined;
    }
    const names = splitWords(arg);
    if (names.length === 0) {
      return noNames(ctx);
    }
    const sink: JsonSink | null = ctx.json ? [] : null;
    await runBulkAction(ctx, stopSpec(ctx.api), names, sink);
    if (sink !== null) {
      ctx.out(renderJson(sink));
    }
    return undefined;
  },
  runFleet: fleetVerb(noNames, [STOP_PHASE]),
};
