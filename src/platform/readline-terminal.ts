// The real Terminal on node:readline: a prompt with line editing, history and tab completion
// when stdin and stdout are terminals; plain line reading (prompts still printed, like
// Python's input()) when they are pipes. Ctrl-C with no line awaited goes to `onInterrupt`.

import { createInterface, type AsyncCompleter } from 'node:readline';
import { Writable } from 'node:stream';

import type { LineRead, Terminal, TerminalOptions } from '../ports/terminal.js';
import { loadHistory, saveHistory } from './history-file.js';

export interface ReadlineTerminalOptions extends TerminalOptions {
  readonly input: NodeJS.ReadStream;
  readonly output: NodeJS.WriteStream;
  /** Ctrl-C typed while no line is awaited (e.g. during `tail -f`). */
  readonly onInterrupt: () => void;
}

const HISTORY_SIZE = 10_000;

export const openReadlineTerminal = (options: ReadlineTerminalOptions): Terminal => {
  const target = options.output;
  let muted = false;
  // Passwords are read through the same interface with its echo switched off here.
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) {
        target.write(chunk);
      }
      done();
    },
  });
  Object.defineProperty(output, 'columns', { get: () => target.columns });
  const terminal = options.input.isTTY && target.isTTY;
  const { completer } = options;
  const nodeCompleter: AsyncCompleter | undefined =
    completer === null
      ? undefined
      : (line, callback) => {
          completer(line).then(
            (c) => callback(null, [[...c.matches], c.word]),
            () => callback(null, [[], line]),
          );
        };
  const loaded = options.historyFile === null ? [] : loadHistory(options.historyFile);
  const rl = createInterface({
    input: options.input,
    output,
    terminal,
    history: loaded,
    historySize: HISTORY_SIZE,
    ...(nodeCompleter === undefined ? {} : { completer: nodeCompleter }),
  });

  // readline tells us its history array (newest first) on every change, and lets us edit it.
  let history: readonly string[] = loaded;
  let hideNextLine = false;
  rl.on('history', (lines) => {
    if (hideNextLine) {
      hideNextLine = false;
      lines.shift();
    }
    history = lines;
  });

  const queued: string[] = [];
  let closed = false;
  let pending: ((read: LineRead) => void) | null = null;
  const answer = (read: LineRead): boolean => {
    const resolve = pending;
    pending = null;
    resolve?.(read);
    return resolve !== null;
  };
  rl.on('line', (line) => {
    if (!answer({ kind: 'line', text: line })) {
      queued.push(line);
    }
  });
  rl.on('close', () => {
    closed = true;
    answer({ kind: 'eof' });
  });
  rl.on('SIGINT', () => {
    if (!answer({ kind: 'interrupt' })) {
      options.onInterrupt();
    }
  });

  const readLine = (prompt: string, signal?: AbortSignal): Promise<LineRead> => {
    // Piped input may have ended (closing readline) while lines still wait here.
    if (closed) {
      target.write(prompt);
      const next = queued.shift();
      return Promise.resolve(next === undefined ? { kind: 'eof' } : { kind: 'line', text: next });
    }
    rl.setPrompt(prompt);
    rl.prompt();
    const next = queued.shift();
    if (next !== undefined) {
      return Promise.resolve({ kind: 'line', text: next });
    }
    if (signal?.aborted === true) {
      return Promise.resolve({ kind: 'interrupt' });
    }
    return new Promise((resolve) => {
      const onAbort = (): void => {
        answer({ kind: 'interrupt' });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending = (read) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(read);
      };
    });
  };

  return {
    readLine,
    readSecret: async (prompt) => {
      target.write(prompt);
      muted = true;
      // A password must not end up in the history (in memory or on disk).
      hideNextLine = true;
      const read = await readLine('').finally(() => {
        muted = false;
        hideNextLine = false;
      });
      target.write('\n');
      return read;
    },
    close: () => {
      if (options.historyFile !== null) {
        saveHistory(options.historyFile, history);
      }
      rl.close();
    },
  };
};
