// `start name|group:*|all ...`: `<ns>: started` or `<ns>: ERROR (<reason>)` per process; no
// name is exit 2, spawn problems 7, an already running process is not an error.

import { FAULT_CODES } from '../../model/faults.js';
import type { SupervisorApi } from '../../protocol/supervisor-api.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { renderJson } from '../render/json.js';
import { runBulkAction, type BulkSpec, type JsonSink } from './bulk-action.js';
import { usageError, type CommandContext, type CtlCommand } from './command.js';
import { fleetVerb, type PhaseSpec } from '../fleet/fleet-actions.js';

const START_REPORTS = {
  action: 'start',
  ignoredFault: FAULT_CODES.ALREADY_STARTED,
  noSuchGroupExit: EXIT.INVALID_ARGS,
} as const;

const startSpec = (api: SupervisorApi): BulkSpec => ({
  ...START_REPORTS,
  all: () => api.startAllProcesses(),
  group: (name) => api.startProcessGroup(name),
  process: (name) => api.startProcess(name),
});

/** start across a fleet, and restart's second phase there. */
export const START_PHASE: PhaseSpec = { reports: START_REPORTS, on: startSpec };

/** The start half of restart, too: its own upcheck, then the calls. */
export const startPhase = async (
  ctx: CommandContext,
  names: readonly string[],
  sink: JsonSink | null,
): Promise<void> => {
  if (await ctx.upcheck()) {
    await runBulkAction(ctx, startSpec(ctx.api), names, sink);
  }
};

const noNames = (ctx: CommandContext): undefined =>
  usageError(ctx, startCommand, 'Error: start requires a process name', EXIT.INVALID_ARGS);

export const startCommand: CtlCommand = {
  name: 'start',
  json: true,
  listed: true,
  completes: 'processes',
  help: [
    'start <name> ...\tStart processes; <group>:* starts a whole group.',
    'start all\t\tStart every process that is not running.',
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
    await runBulkAction(ctx, startSpec(ctx.api), names, sink);
    if (sink !== null) {
      ctx.out(renderJson(sink));
    }
    return undefined;
  },
  runFleet: fleetVerb(noNames, [START_PHASE]),
};
