// `pid [name ...|all]`: supervisord's pid, or each named process's pid (0 when not running,
// exit 7), or every process's pid.

import { FAULT_CODES } from '../../model/faults.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import type { CtlCommand } from './command.js';

export const pidCommand: CtlCommand = {
  name: 'pid',
  listed: true,
  completes: 'processes',
  help: [
    "pid\t\t\tsupervisord's own process id.",
    'pid <name> ...\t\tThe process id of each named process (0 if it is not running).',
    'pid all\t\t\tThe process id of every process, one per line.',
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      return undefined;
    }
    const names = splitWords(arg);
    if (names.length === 0) {
      ctx.out(String(await ctx.api.getPID()));
      return undefined;
    }
    if (names.includes('all')) {
      for (const info of await ctx.api.getAllProcessInfo()) {
        ctx.out(String(info.pid));
      }
      return undefined;
    }
    for (const name of names) {
      const info = await catchFault(() => ctx.api.getProcessInfo(name));
      if (!info.ok) {
        ctx.setExitStatus(EXIT.GENERIC);
        if (info.fault.faultCode !== FAULT_CODES.BAD_NAME) {
          throw info.error;
        }
        ctx.out(`No such process ${name}`);
        continue;
      }
      ctx.out(String(info.value.pid));
      if (info.value.pid === 0) {
        ctx.setExitStatus(EXIT.NOT_RUNNING);
      }
    }
    return undefined;
  },
};
