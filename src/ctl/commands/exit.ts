// `exit`, `quit` and end of input (`EOF`, Ctrl-D): leave the shell.

import type { CtlCommand } from './command.js';

const leave = (name: string, listed: boolean, help: readonly string[]): CtlCommand => ({
  name,
  listed,
  completes: 'nothing',
  local: true,
  help,
  run: (ctx) => {
    ctx.out('');
    return Promise.resolve('leave-shell');
  },
});

export const exitCommand = leave('exit', true, [
  'exit\t\t\tLeave the shell (as do quit and Ctrl-D).',
]);
export const quitCommand = leave('quit', true, [
  'quit\t\t\tLeave the shell (as do exit and Ctrl-D).',
]);
export const eofCommand = leave('EOF', false, []);
