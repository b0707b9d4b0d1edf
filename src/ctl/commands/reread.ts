// `reread`: have supervisord parse its configuration again and say which groups were added,
// changed or removed, without acting on it (that is `update`).

import { FAULT_CODES } from '../../model/faults.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { renderConfigChanges } from '../render/config-changes.js';
import { usageError, type CtlCommand } from './command.js';

export const rereadCommand: CtlCommand = {
  name: 'reread',
  listed: true,
  completes: 'nothing',
  help: ['reread\t\t\tParse the configuration again and list what changed; changes nothing.'],
  run: async (ctx, arg) => {
    if (arg !== '') {
      return usageError(ctx, rereadCommand, 'Error: reread accepts no arguments', EXIT.GENERIC);
    }
    const changes = await catchFault(() => ctx.api.reloadConfig());
    if (!changes.ok) {
      ctx.setExitStatus(EXIT.GENERIC);
      switch (changes.fault.faultCode) {
        case FAULT_CODES.SHUTDOWN_STATE:
          ctx.out('ERROR: supervisor shutting down');
          return undefined;
        case FAULT_CODES.CANT_REREAD:
          ctx.out(`ERROR: ${changes.fault.faultString}`);
          return undefined;
        default:
          throw changes.error;
      }
    }
    for (const line of renderConfigChanges(changes.value)) {
      ctx.out(line);
    }
    return undefined;
  },
};
