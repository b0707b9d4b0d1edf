// `open <url>`: talk to another supervisord from now on (http:// or unix://), and show its
// status. The status's exit code does not count.

import { EXIT } from '../exit-codes.js';
import type { CtlCommand } from './command.js';
import { statusCommand } from './status.js';

/** The URL's scheme as Python's urlparse reads it (lower-cased), or '' when there is none. */
const schemeOf = (url: string): string =>
  /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase() ?? '';

export const openCommand: CtlCommand = {
  name: 'open',
  listed: true,
  completes: 'nothing',
  help: ['open <url>\t\tTalk to another supervisord: http://host:port or unix:///path/to.sock.'],
  run: async (ctx, arg) => {
    const scheme = schemeOf(arg);
    if (scheme !== 'http' && scheme !== 'unix') {
      ctx.out('ERROR: url must be http:// or unix://');
      ctx.setExitStatus(EXIT.GENERIC);
      return undefined;
    }
    ctx.switchServer(arg);
    const before = ctx.exitStatus;
    await statusCommand.run(ctx, '');
    ctx.setExitStatus(before);
    return undefined;
  },
};
