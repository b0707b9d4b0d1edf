// `remove group ...`: deactivate stopped groups (after they left the configuration).

import { FAULT_CODES } from '../../model/faults.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import type { CtlCommand } from './command.js';

export const removeCommand: CtlCommand = {
  name: 'remove',
  listed: true,
  completes: 'groups',
  help: ['remove <group> ...\tDeactivate groups whose processes are all stopped.'],
  run: async (ctx, arg) => {
    for (const name of splitWords(arg)) {
      const removed = await catchFault(() => ctx.api.removeProcessGroup(name));
      if (removed.ok) {
        ctx.out(`${name}: removed process group`);
        continue;
      }
      ctx.setExitStatus(EXIT.GENERIC);
      switch (removed.fault.faultCode) {
        case FAULT_CODES.STILL_RUNNING:
          ctx.out(`ERROR: process/group still running: ${name}`);
          break;
        case FAULT_CODES.BAD_NAME:
          ctx.out(`ERROR: no such process/group: ${name}`);
          break;
        default:
          throw removed.error;
      }
    }
    return undefined;
  },
};
