// `help [command]`: the list of commands, or one command's help.

import { renderHelpTopics } from '../render/help-columns.js';
import type { CtlCommand } from './command.js';

export const helpCommand: CtlCommand = {
  name: 'help',
  listed: false,
  local: true,
  completes: 'actions',
  help: ['help\t\t\tList the commands.', 'help <command>\t\tHelp on one command.'],
  run: (ctx, arg) => {
    if (arg === 'help') {
      helpCommand.help.forEach((line) => ctx.out(line));
    } else if (arg === '') {
      const names = ctx.commands
        .filter((command) => command.listed)
        .map((command) => command.name)
        .sort();
      renderHelpTopics('default commands (type help <topic>):', names).forEach((line) =>
        ctx.out(line),
      );
    } else {
      // Our additions are left out of the list above (supervisorctl's) but have help too.
      const command = ctx.commands.find((c) => c.name === arg && c.help.length > 0);
      if (command === undefined) {
        ctx.out(`*** No help on ${arg}`);
      } else {
        command.help.forEach((line) => ctx.out(line));
      }
    }
    return Promise.resolve(undefined);
  },
};
