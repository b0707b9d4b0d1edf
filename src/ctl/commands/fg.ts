// `fg <name>`: attach to a running process: its stdout and stderr stream to the terminal and
// each line typed is sent to its stdin, until Ctrl-C / Ctrl-D or the process stops.

import { FAULT_CODES } from '../../model/faults.js';
import { PROCESS_STATE_CODES } from '../../model/process-state.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { faultRepr } from '../../client-text/failure-text.js';
import { usageError, type CommandContext, type CtlCommand } from './command.js';
import { PRESS_CTRL_C, reportStreamEnd } from './follow.js';

const isRunning = async (ctx: CommandContext, name: string): Promise<boolean> =>
  (await ctx.api.getProcessInfo(name)).state === PROCESS_STATE_CODES.RUNNING;

/** Forwards typed lines until input ends or the process goes away; says why it stopped. */
const forwardInput = async (
  ctx: CommandContext,
  name: string,
  signal: AbortSignal,
): Promise<void> => {
  for (;;) {
    const typed = await ctx.ask('', signal);
    if (typed.kind !== 'line') {
      return;
    }
    const sent = await catchFault(() => ctx.api.sendProcessStdin(name, `${typed.text}\n`));
    if (!sent.ok) {
      ctx.out(
        sent.fault.faultCode === FAULT_CODES.NOT_RUNNING
          ? 'Process got killed'
          : `ERROR: ${faultRepr(sent.fault.faultCode, sent.fault.faultString)}`,
      );
      return;
    }
    if (!(await isRunning(ctx, name))) {
      ctx.out('Process got killed');
      return;
    }
  }
};

export const fgCommand: CtlCommand = {
  name: 'fg',
  listed: true,
  completes: 'processes',
  help: [
    'fg <name>\t\tAttach to a running process: see its output, type lines to its stdin.',
    '\t\t\tCtrl-C or Ctrl-D detaches (the process keeps running).',
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      return undefined;
    }
    const names = splitWords(arg);
    const [name] = names;
    if (name === undefined) {
      return usageError(ctx, fgCommand, 'ERROR: no process name supplied', EXIT.GENERIC);
    }
    if (names.length > 1) {
      return usageError(ctx, null, 'ERROR: too many process names supplied', EXIT.GENERIC);
    }
    const info = await catchFault(() => ctx.api.getProcessInfo(name));
    if (!info.ok) {
      if (info.fault.faultCode === FAULT_CODES.BAD_NAME) {
        return usageError(ctx, null, 'ERROR: bad process name supplied', EXIT.GENERIC);
      }
      ctx.out(`ERROR: ${faultRepr(info.fault.faultCode, info.fault.faultString)}`);
      return undefined;
    }
    if (info.value.state !== PROCESS_STATE_CODES.RUNNING) {
      return usageError(ctx, null, 'ERROR: process not running', EXIT.GENERIC);
    }
    ctx.out(PRESS_CTRL_C);
    // Ctrl-C ends the input loop and both streams; so does leaving the loop any other way.
    const detach = new AbortController();
    const watch = ctx.watchInterrupt();
    watch.signal.addEventListener('abort', () => detach.abort());
    const streams = (['stdout', 'stderr'] as const).map(async (channel) => {
      const path = `/logtail/${name}/${channel}`;
      reportStreamEnd(ctx, `${ctx.serverUrl}${path}`, await ctx.followLog(path, detach.signal));
    });
    try {
      await forwardInput(ctx, name, detach.signal);
    } finally {
      ctx.out('Exiting foreground');
      detach.abort();
      watch.release();
      await Promise.allSettled(streams);
    }
    return undefined;
  },
};
