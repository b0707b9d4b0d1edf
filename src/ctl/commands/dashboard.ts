// Ours: `dashboard` (alias `top`), the live terminal dashboard on the same server (or every
// server of a fleet), with the same -c/-s/-u/-p/--host. Not in `help`'s list, which stays
// supervisorctl's; `help dashboard` works.

import { EXIT } from '../exit-codes.js';
import { usageError, type CtlCommand } from './command.js';

const dashboardVerb = (name: string): CtlCommand => {
  const command: CtlCommand = {
    name,
    listed: false,
    completes: 'nothing',
    help: [
      `${name}${name.length < 8 ? '\t\t\t' : '\t\t'}A live terminal dashboard: every process, its state, CPU and memory,`,
      '\t\t\tand its log; start, stop, restart, signal from the keyboard (? for keys).',
    ],
    run: async (ctx, arg) => {
      if (arg !== '') {
        return usageError(ctx, command, `Error: ${name} accepts no arguments`, EXIT.GENERIC);
      }
      if (ctx.interactive) {
        ctx.out(`${name}: not from the shell; run \`tssupervisorctl ${name}\` instead`);
        return undefined;
      }
      const running = ctx.runDashboard();
      if (running === null) {
        ctx.note(`Error: ${name} is not available here`);
        ctx.setExitStatus(EXIT.GENERIC);
        return undefined;
      }
      ctx.setExitStatus(await running);
      return undefined;
    },
    // The session hands the fleet's hosts to the dashboard, which shows them all.
    runFleet: (ctx, _fleet, arg) => command.run(ctx, arg),
  };
  return command;
};

export const dashboardCommand = dashboardVerb('dashboard');
export const topCommand = dashboardVerb('top');
