// The terminal port: lines typed at the shell prompt, answers to y/N and password prompts, and
// what `fg` forwards to a process. platform/readline-terminal.ts is the real one.

export type LineRead =
  | { readonly kind: 'line'; readonly text: string }
  /** Ctrl-D, or the end of piped input. */
  | { readonly kind: 'eof' }
  /** Ctrl-C while waiting for a line. */
  | { readonly kind: 'interrupt' };

/** Tab completion: the candidates for `word`, the text being completed at the cursor. */
export interface Completion {
  readonly matches: readonly string[];
  readonly word: string;
}

export type Completer = (lineBeforeCursor: string) => Promise<Completion>;

export interface TerminalOptions {
  /** Readline history: loaded on open, saved on close. */
  readonly historyFile: string | null;
  readonly completer: Completer | null;
}

export interface Terminal {
  /** Writes `prompt` (may be '') and waits for one line; `signal` gives up ('interrupt'). */
  readLine(prompt: string, signal?: AbortSignal): Promise<LineRead>;
  /** Like readLine, without echoing what is typed (passwords). */
  readSecret(prompt: string): Promise<LineRead>;
  close(): void;
}
