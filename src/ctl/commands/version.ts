// `version`: the version of the supervisord we talk to (getSupervisorVersion).

import { EXIT } from '../exit-codes.js';
import { usageError, type CtlCommand } from './command.js';

export const versionCommand: CtlCommand = {
  name: 'version',
  listed: true,
  completes: 'nothing',
  help: ['version\t\t\tThe version of the supervisord we are talking to.'],
  run: async (ctx, arg) => {
    if (arg !== '') {
      return usageError(ctx, versionCommand, 'Error: version accepts no arguments', EXIT.GENERIC);
    }
    if (await ctx.upcheck()) {
      ctx.out(await ctx.api.getSupervisorVersion());
    }
    return undefined;
  },
};
