// `maintail [-f|-NUM]`: the last bytes of supervisord's own log, or `-f` to follow it.

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
]);

export const maintailCommand: CtlCommand = {
  name: 'maintail',
  listed: true,
  completes: 'nothing',
  help: [
    "maintail\t\tThe last 1600 bytes of supervisord's own log.",
    'maintail -<n>\t\tThe last <n> bytes.',
    'maintail -f\t\tFollow the log as it grows; Ctrl-C to stop.',
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      return undefined;
    }
    const args = splitWords(arg);
    if (args.length > 1) {
      return usageError(ctx, maintailCommand, 'Error: too many arguments', EXIT.GENERIC);
    }
    let bytes = DEFAULT_TAIL_BYTES;
    const [word] = args;
    if (word !== undefined) {
      const parsed = word.startsWith('-') ? parseTailModifier(word) : null;
      if (parsed === null || parsed.kind === 'bad') {
        return usageError(ctx, null, `Error: bad argument ${word}`, EXIT.GENERIC);
      }
      if (parsed.kind === 'follow') {
        await followUntilInterrupted(ctx, '/mainlogtail');
        return undefined;
      }
      bytes = parsed.bytes;
    }
    const read = await catchFault(() => ctx.api.readLog(-bytes));
    if (read.ok) {
      ctx.out(read.value);
      return undefined;
    }
    ctx.setExitStatus(EXIT.GENERIC);
    const reason = READ_ERRORS.get(read.fault.faultCode);
    if (reason === undefined) {
      throw read.error;
    }
    ctx.out(`supervisord: ERROR (${reason})`);
    return undefined;
  },
};
