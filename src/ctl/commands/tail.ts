// `tail [-f|-NUM] name [stdout|stderr]`: the last bytes of a process log (1600 by default),
// or `-f` to follow it until Ctrl-C.

import { reprString } from '../../model/python-repr.js';
import { FAULT_CODES } from '../../model/faults.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { usageError, type CtlCommand } from './command.js';
import { followUntilInterrupted } from './follow.js';
import { DEFAULT_TAIL_BYTES, parseTailModifier } from './tail-modifier.js';

const READ_ERRORS: ReadonlyMap<number, string> = new Map([
  [FAULT_CODES.NO_FILE, 'no log file'],
  [FAULT_CODES.FAILED, 'unknown error reading log'],
  [FAULT_CODES.BAD_NAME, 'no such process name'],
]);

export const tailCommand: CtlCommand = {
  name: 'tail',
  listed: true,
  completes: 'processes',
  help: [
    'tail <name> [stdout|stderr]\tThe last 1600 bytes of a process log (stdout by default).',
    'tail -<n> <name> [stdout|stderr]\tThe last <n> bytes.',
    'tail -f <name> [stdout|stderr]\tFollow the log as it grows; Ctrl-C to stop.',
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      return undefined;
    }
    const args = splitWords(arg);
    if (args.length < 1) {
      return usageError(ctx, tailCommand, 'Error: too few arguments', EXIT.GENERIC);
    }
    if (args.length > 3) {
      return usageError(ctx, tailCommand, 'Error: too many arguments', EXIT.GENERIC);
    }
    const modifier = args[0]?.startsWith('-') === true ? args.shift() : undefined;
    const name = args[0];
    if (name === undefined) {
      return usageError(ctx, null, 'Error: tail requires process name', EXIT.GENERIC);
    }
    // With one word it is the name; with two or more, the first is the name, the last the channel.
    const channel = args.length === 1 ? 'stdout' : (args[args.length - 1] ?? '').toLowerCase();
    if (channel !== 'stdout' && channel !== 'stderr') {
      return usageError(ctx, null, `Error: bad channel ${reprString(channel)}`, EXIT.GENERIC);
    }
    const parsed =
      modifier === undefined
        ? { kind: 'bytes' as const, bytes: DEFAULT_TAIL_BYTES }
        : parseTailModifier(modifier);
    switch (parsed.kind) {
      case 'bad':
        return usageError(ctx, null, `Error: bad argument ${parsed.word}`, EXIT.GENERIC);
      case 'follow':
        await followUntilInterrupted(ctx, `/logtail/${name}/${channel}`);
        return undefined;
      case 'bytes':
        break;
    }
    const read = await catchFault(() => ctx.api.readProcessLog(name, channel, -parsed.bytes));
    if (read.ok) {
      ctx.out(read.value);
      return undefined;
    }
    ctx.setExitStatus(EXIT.GENERIC);
    const reason = READ_ERRORS.get(read.fault.faultCode);
    if (reason === undefined) {
      throw read.error;
    }
    ctx.out(`${name}: ERROR (${reason})`);
    return undefined;
  },
};
