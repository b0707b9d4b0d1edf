// A program in a real terminal for the tests: a tmux server of its own (its own socket name),
// one session, keys sent with send-keys and the screen read with capture-pane, and a wait on
// what the screen shows, with the last screen in the error when it never came. The pane stays
// when the program ends (remain-on-exit) and the program's stderr goes to a file, so a program
// that quit unexpectedly says how: its exit status, its last screen and its stderr.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { waitFor } from './wait-for.js';

export interface TmuxPane {
  /** Any other tmux command on this server (`resize-window -t pane …`); its stdout. */
  tmux(...args: string[]): string;
  /** Whether the program still runs (its pane stays after it quits, to tell why). */
  alive(): boolean;
  /** Every line of the pane as it shows now. */
  screen(): string[];
  keys(...keyNames: string[]): void;
  /** `waiting`, whose failure also tells how the program is and what its screen showed. */
  explained<T>(waiting: Promise<T>): Promise<T>;
  /** Resolves with the screen once `test` holds for it; rejects with the last one at the deadline. */
  waitForScreen(
    what: string,
    test: (lines: string[]) => boolean,
    timeoutMs?: number,
  ): Promise<string[]>;
  /** Ends the tmux server, and with it the program (nothing if it is gone already). */
  kill(): void;
}

/** This run's own servers, even beside a run in another pid namespace. */
const RUN_ID = `${process.pid}-${randomBytes(4).toString('hex')}`;
let servers = 0;

export const openTmuxPane = (
  command: string,
  size: { readonly cols: number; readonly rows: number },
): TmuxPane => {
  const socket = `tssup-pane-${RUN_ID}-${servers}`;
  const stderrPath = join(tmpdir(), `${socket}.stderr`);
  servers += 1;
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-L', socket, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  // One tmux command line, so the option is set before the program can have quit.
  tmux(
    'new-session',
    '-d',
    '-s',
    'pane',
    '-x',
    String(size.cols),
    '-y',
    String(size.rows),
    '-e',
    'LANG=C.UTF-8',
    `${command} 2>'${stderrPath}'`,
    ';',
    'set-option',
    '-t',
    'pane',
    'remain-on-exit',
    'on',
  );
  const screen = (): string[] => tmux('capture-pane', '-p', '-t', 'pane').split('\n').slice(0, -1);
  const paneFormat = (format: string): string | null => {
    try {
      return tmux('display-message', '-p', '-t', 'pane', format).trim();
    } catch {
      return null;
    }
  };
  const alive = (): boolean => paneFormat('#{pane_dead}') === '0';
  const why = (): string => {
    let stderr = '';
    try {
      stderr = readFileSync(stderrPath, 'utf8');
    } catch {
      // nothing written
    }
    const dead = paneFormat('#{pane_dead}');
    const ended =
      dead === null
        ? 'the tmux server is gone'
        : dead === '1'
          ? `the program ended: status ${paneFormat('#{pane_dead_status}') || '?'}, signal ${
              paneFormat('#{pane_dead_signal}') || '-'
            }`
          : '';
    return [ended, stderr === '' ? '' : `its stderr:\n${stderr}`].filter(Boolean).join('; ');
  };
  /** An error saying `message`, how the program is, and what its screen shows. */
  const explain = (message: string): Error => {
    const how = why();
    return new Error(
      `${message}${how === '' ? '' : ` (${how})`}; the screen was:\n${screen().join('\n')}`,
    );
  };
  const explained = <T>(waiting: Promise<T>): Promise<T> =>
    waiting.catch((error: unknown) => {
      throw explain(String(error));
    });
  return {
    tmux,
    alive,
    screen,
    keys: (...keyNames) => {
      if (!alive()) {
        throw explain(`keys ${keyNames.join(' ')} for a program that is not running`);
      }
      tmux('send-keys', '-t', 'pane', ...keyNames);
    },
    explained,
    waitForScreen: (what, test, timeoutMs = 15_000) =>
      explained(
        waitFor(
          () => {
            const lines = screen();
            return test(lines) && lines;
          },
          { timeoutMs, intervalMs: 50, what },
        ),
      ),
    kill: () => {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
      rmSync(stderrPath, { force: true });
    },
  };
};
