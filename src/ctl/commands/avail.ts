// `avail`: every configured process, whether its group is in use, autostart, priorities.

import { FAULT_CODES } from '../../model/faults.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { renderAvailLine } from '../render/avail-table.js';
import { usageError, type CtlCommand } from './command.js';

export const availCommand: CtlCommand = {
  name: 'avail',
  listed: true,
  completes: 'nothing',
  help: ['avail\t\t\tList every configured process: in use or not, autostart, priorities.'],
  run: async (ctx, arg) => {
    if (arg !== '') {
      return usageError(ctx, availCommand, 'Error: avail accepts no arguments', EXIT.GENERIC);
    }
    const infos = await catchFault(() => ctx.api.getAllConfigInfo());
    if (!infos.ok) {
      ctx.setExitStatus(EXIT.GENERIC);
      if (infos.fault.faultCode !== FAULT_CODES.SHUTDOWN_STATE) {
        throw infos.error;
      }
      ctx.out('ERROR: supervisor shutting down');
      return undefined;
    }
    for (const info of infos.value) {
      ctx.out(renderAvailLine(info));
    }
    return undefined;
  },
};
