// A program in a real terminal for the tests: a tmux server of its own (its own socket name),
// one session, keys sent with send-keys and the screen read with capture-pane, and a wait on
// what the screen shows, with the last screen in the error when it never came.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import { waitFor } from './wait-for.js';

export interface TmuxPane {
  /** Any other tmux command on this server (`resize-window -t pane …`); its stdout. */
  tmux(...args: string[]): string;
  /** Whether the session is still there (a program that quits ends it). */
  alive(): boolean;
  /** Every line of the pane as it shows now. */
  screen(): string[];
  keys(...keyNames: string[]): void;
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
  const socket = `tssup-pane-${RUN_ID}-${servers++}`;
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-L', socket, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
    command,
  );
  const screen = (): string[] => tmux('capture-pane', '-p', '-t', 'pane').split('\n').slice(0, -1);
  return {
    tmux,
    alive: () => {
      try {
        tmux('has-session', '-t', 'pane');
        return true;
      } catch {
        return false;
      }
    },
    screen,
    keys: (...keyNames) => {
      tmux('send-keys', '-t', 'pane', ...keyNames);
    },
    waitForScreen: (what, test, timeoutMs = 15_000) => {
      let last: string[] = [];
      return waitFor(
        () => {
          last = screen();
          return test(last) && last;
        },
        { timeoutMs, intervalMs: 50, what },
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}; the screen was:\n${last.join('\n')}`);
      });
    },
    kill: () => {
      try {
        tmux('kill-server');
      } catch {
        // already gone: the program quit and took the session with it
      }
    },
  };
};
