// The interactive shell: `status` first, then one command per line at `<prompt>> ` until
// exit/quit, Ctrl-D or Ctrl-C. Its exit status is always 0, as supervisorctl's is.

import type { ProcessInfo } from '../protocol/process-info.js';
import { completeLine } from './completion.js';
import { runLine } from './dispatch.js';
import type { Session } from './session.js';
import type { Terminal } from '../ports/terminal.js';

/** The process list for completion, fetched once per command line (tab may fire often). */
export const completionCache = (session: Session) => {
  let cached: Promise<readonly ProcessInfo[]> | null = null;
  return {
    infos: (): Promise<readonly ProcessInfo[]> => {
      // A fleet's names are not completed yet (`host:` would need every host's list).
      cached ??= session.fleet === null ? session.api.getAllProcessInfo() : Promise.resolve([]);
      return cached;
    },
    reset: (): void => {
      cached = null;
    },
  };
};

export const completerFor =
  (session: Session, cache: ReturnType<typeof completionCache>) => (line: string) =>
    completeLine(line, session.commands, cache.infos);

export const runShell = async (
  session: Session,
  terminal: Terminal,
  prompt: string,
  cache: ReturnType<typeof completionCache>,
): Promise<void> => {
  await runLine(session, 'status');
  for (;;) {
    const read = await terminal.readLine(`${prompt}> `);
    if (read.kind !== 'line') {
      // Ctrl-D or Ctrl-C: end the prompt's line, as `exit` does.
      session.out('');
      return;
    }
    cache.reset();
    if ((await runLine(session, read.text)) === 'leave-shell') {
      return;
    }
  }
};
