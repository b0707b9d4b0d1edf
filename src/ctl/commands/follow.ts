// `tail -f` and `maintail -f`: stream a never-ending log response to stdout until Ctrl-C, the
// server ends it, or it fails (reported on stderr as supervisorctl does).

import type { LogStreamEnd } from '../../ports/log-stream.js';
import type { CommandContext } from './command.js';

export const PRESS_CTRL_C = '==> Press Ctrl-C to exit <==';

export const reportStreamEnd = (ctx: CommandContext, url: string, end: LogStreamEnd): void => {
  switch (end.kind) {
    case 'aborted':
    case 'ended':
      return;
    case 'http-status':
      ctx.warn(`${url} Cannot read, status code ${end.status}`);
      return;
    case 'connect-failed':
    case 'failed':
      ctx.warn(`${url} Cannot connect, error: ${end.message}`);
      return;
  }
};

export const followUntilInterrupted = async (ctx: CommandContext, path: string): Promise<void> => {
  ctx.out(PRESS_CTRL_C);
  const watch = ctx.watchInterrupt();
  try {
    const end = await ctx.followLog(path, watch.signal);
    reportStreamEnd(ctx, `${ctx.serverUrl}${path}`, end);
    if (end.kind === 'aborted') {
      // Ends the line the ^C was echoed on.
      ctx.out('');
    }
  } finally {
    watch.release();
  }
};
