// The shell's y/N question before reload and shutdown; one-shot commands do not ask.

import type { CommandContext } from './command.js';

export const confirmed = async (ctx: CommandContext, question: string): Promise<boolean> => {
  if (!ctx.interactive) {
    return true;
  }
  const answer = await ctx.ask(question);
  return answer.kind === 'line' && answer.text.toLowerCase().startsWith('y');
};
