// `shutdown`: stop every process and supervisord itself. Already shutting down is not an
// error; a daemon that is already gone is reported as such.

import { FAULT_CODES } from '../../model/faults.js';
import { RpcClientError } from '../../protocol/client-error.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { usageError, type CommandContext, type CtlCommand } from './command.js';
import { confirmed } from './confirm.js';

/** A refused connection or a missing socket most likely means it already went down. */
const reportGone = (ctx: CommandContext, error: unknown): boolean => {
  if (!(error instanceof RpcClientError)) {
    return false;
  }
  const { kind } = error.failure;
  if (kind !== 'connection-refused' && kind !== 'socket-missing') {
    return false;
  }
  const what = kind === 'connection-refused' ? 'refused connection' : 'no such file';
  ctx.out(`ERROR: ${ctx.serverUrl} ${what} (already shut down?)`);
  return true;
};

export const shutdownCommand: CtlCommand = {
  name: 'shutdown',
  listed: true,
  completes: 'nothing',
  help: ['shutdown\t\tStop every process, then supervisord itself.'],
  run: async (ctx, arg) => {
    if (arg !== '') {
      return usageError(ctx, shutdownCommand, 'Error: shutdown accepts no arguments', EXIT.GENERIC);
    }
    if (!(await confirmed(ctx, 'Really shut the remote supervisord process down y/N? '))) {
      return undefined;
    }
    let answer;
    try {
      answer = await catchFault(() => ctx.api.shutdown());
    } catch (error) {
      ctx.setExitStatus(EXIT.GENERIC);
      if (reportGone(ctx, error)) {
        return undefined;
      }
      throw error;
    }
    if (answer.ok) {
      ctx.out('Shut down');
      return undefined;
    }
    if (answer.fault.faultCode !== FAULT_CODES.SHUTDOWN_STATE) {
      ctx.setExitStatus(EXIT.GENERIC);
      throw answer.error;
    }
    ctx.out('ERROR: already shutting down');
    return undefined;
  },
};
