// `reload`: restart supervisord itself (it rereads its configuration and restarts everything).

import { FAULT_CODES } from '../../model/faults.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { usageError, type CtlCommand } from './command.js';
import { confirmed } from './confirm.js';

export const reloadCommand: CtlCommand = {
  name: 'reload',
  listed: true,
  completes: 'nothing',
  help: ['reload\t\t\tRestart supervisord: reread the configuration, restart every process.'],
  run: async (ctx, arg) => {
    if (arg !== '') {
      return usageError(ctx, reloadCommand, 'Error: reload accepts no arguments', EXIT.GENERIC);
    }
    if (!(await confirmed(ctx, 'Really restart the remote supervisord process y/N? '))) {
      return undefined;
    }
    const restarted = await catchFault(() => ctx.api.restart());
    if (restarted.ok) {
      ctx.out('Restarted supervisord');
      return undefined;
    }
    ctx.setExitStatus(EXIT.GENERIC);
    if (restarted.fault.faultCode !== FAULT_CODES.SHUTDOWN_STATE) {
      throw restarted.error;
    }
    ctx.out('ERROR: already shutting down');
    return undefined;
  },
};
