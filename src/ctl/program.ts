// The tssupervisorctl program, built from injected deps so tests run it in-process: command
// line → settings → one command (exit with its status) or the interactive shell (exit 0).

import { parseCommandLine } from './cli-options.js';
import { COMMANDS } from './commands/registry.js';
import type { CtlDeps } from './deps.js';
import { runLine } from './dispatch.js';
import { createSession, type Session } from './session.js';
import { resolveSettings, type CtlSettings } from './settings.js';
import { completerFor, completionCache, runShell } from './shell.js';
import { versionLine } from '../model/versions.js';
import type { Terminal } from '../ports/terminal.js';
import { usageErrorText, usageText } from './usage.js';

export interface CtlProgram {
  /** argv without node and the script; resolves to the exit status. */
  run(argv: readonly string[]): Promise<number>;
}

interface Mode {
  readonly interactive: boolean;
  readonly json: boolean;
  readonly parallel: boolean;
}

export const createProgram = (deps: CtlDeps): CtlProgram => {
  const sessionFor = (
    settings: CtlSettings,
    mode: Mode,
    terminal: () => Terminal | null,
  ): Session =>
    createSession({ deps, target: settings.target, commands: COMMANDS, terminal, ...mode });

  const runOnce = async (settings: CtlSettings, mode: Mode, words: readonly string[]) => {
    const session = sessionFor(settings, mode, () => null);
    try {
      // supervisorctl joins the words into one line: quoting on the command line is lost.
      await runLine(session, words.join(' '));
      return session.exitStatus;
    } finally {
      session.close();
    }
  };

  const runInteractive = async (settings: CtlSettings, mode: Mode): Promise<number> => {
    let terminal: Terminal | null = null;
    const session = sessionFor(settings, mode, () => terminal);
    const cache = completionCache(session);
    terminal = deps.openTerminal({
      historyFile: settings.historyFile,
      completer: completerFor(session, cache),
    });
    try {
      await runShell(session, terminal, settings.prompt, cache);
    } finally {
      terminal.close();
      session.close();
    }
    return 0;
  };

  return {
    run: async (argv) => {
      const parsed = parseCommandLine(argv);
      switch (parsed.kind) {
        case 'help':
          deps.stdout.write(usageText(deps.argv0));
          return 0;
        case 'version':
          deps.stdout.write(`${versionLine(deps.version)}\n`);
          return 0;
        case 'usage-error':
          deps.stderr.write(usageErrorText(deps.argv0, parsed.message));
          return 2;
        case 'run':
          break;
      }
      const resolved = resolveSettings(parsed.options, deps);
      if (!resolved.ok) {
        deps.stderr.write(usageErrorText(deps.argv0, resolved.message));
        return 2;
      }
      const { json, sequential } = parsed.options;
      // With a command, `-i` does not start the shell (as in supervisorctl 4.2.5).
      return parsed.words.length > 0
        ? runOnce(
            resolved.settings,
            { interactive: false, json, parallel: !sequential },
            parsed.words,
          )
        : runInteractive(resolved.settings, { interactive: true, json, parallel: !sequential });
    },
  };
};
