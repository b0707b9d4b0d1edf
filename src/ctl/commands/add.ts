// `add group ...`: activate groups that the last reread found in the configuration.

import { FAULT_CODES } from '../../model/faults.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import type { CtlCommand } from './command.js';

export const addCommand: CtlCommand = {
  name: 'add',
  listed: true,
  completes: 'groups',
  help: ['add <group> ...\tActivate groups that reread found in the configuration.'],
  run: async (ctx, arg) => {
    for (const name of splitWords(arg)) {
      const added = await catchFault(() => ctx.api.addProcessGroup(name));
      if (added.ok) {
        ctx.out(`${name}: added process group`);
        continue;
      }
      switch (added.fault.faultCode) {
        case FAULT_CODES.SHUTDOWN_STATE:
          ctx.out('ERROR: shutting down');
          ctx.setExitStatus(EXIT.GENERIC);
          break;
        case FAULT_CODES.ALREADY_ADDED:
          ctx.out('ERROR: process group already active');
          break;
        case FAULT_CODES.BAD_NAME:
          ctx.out(`ERROR: no such process/group: ${name}`);
          ctx.setExitStatus(EXIT.GENERIC);
          break;
        default:
          ctx.setExitStatus(EXIT.GENERIC);
          throw added.error;
      }
    }
    return undefined;
  },
};
