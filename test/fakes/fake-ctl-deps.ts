// CtlDeps for running tssupervisorctl in-process: captured stdout/stderr, the fake RPC client
// behind `connect`, scripted terminal lines, log streams fed by the test, a Ctrl-C button.

import type { CtlLoadResult } from '../../src/config/load.js';
import type { CtlDeps, ServerTarget } from '../../src/ctl/deps.js';
import { createProgram } from '../../src/ctl/program.js';
import type { LogStreamEnd, LogStreamRequest } from '../../src/ports/log-stream.js';
import type { LineRead, Terminal, TerminalOptions } from '../../src/ports/terminal.js';
import { fakeRpcClient, type FakeAnswer, type FakeRpc } from './fake-rpc-client.js';

export interface FakeStream {
  readonly request: LogStreamRequest;
  push(data: string): void;
  end(result: LogStreamEnd): void;
}

export interface FakeCtl {
  readonly deps: CtlDeps;
  readonly rpc: FakeRpc;
  /** The fake of each server given in `servers`, by its URL. */
  readonly servers: ReadonlyMap<string, FakeRpc>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly targets: ServerTarget[];
  readonly streams: FakeStream[];
  readonly terminals: TerminalOptions[];
  readonly prompts: string[];
  /** Presses Ctrl-C: aborts the watches, or answers a waiting line read with 'interrupt'. */
  interrupt(): void;
}

export interface FakeCtlOptions {
  readonly answers?: Readonly<Record<string, FakeAnswer>>;
  /** A fleet: each server URL's own answers (other URLs get `answers`). */
  readonly servers?: Readonly<Record<string, Readonly<Record<string, FakeAnswer>>>>;
  /** Lines the terminal hands out, then end of input. */
  readonly lines?: readonly (string | LineRead)[];
  /** After the scripted lines, wait for Ctrl-C instead of ending the input. */
  readonly holdInput?: boolean;
  readonly configFile?: string;
  readonly configs?: Readonly<Record<string, CtlLoadResult>>;
  /** A connect() failure message, e.g. for an unknown URL scheme. */
  readonly connectError?: string;
  /** stdout takes colours */
  readonly colour?: boolean;
  /** Called at each pause (`logs -f`'s polls), numbered from 1; the pause then ends at once. */
  readonly onPause?: (count: number, fake: FakeCtl) => void;
  /** The wall clock the ctl sees (epoch ms); default 2026-12-05T12:00:00Z. */
  readonly wallMs?: number;
}

export const fakeCtl = (options: FakeCtlOptions = {}): FakeCtl => {
  const rpc = fakeRpcClient(options.answers);
  const servers = new Map(
    Object.entries(options.servers ?? {}).map(([url, answers]) => [url, fakeRpcClient(answers)]),
  );
  let out = '';
  let err = '';
  const decoder = new TextDecoder();
  const text = (chunk: string | Uint8Array): string =>
    typeof chunk === 'string' ? chunk : decoder.decode(chunk);
  const targets: ServerTarget[] = [];
  const streams: FakeStream[] = [];
  const terminals: TerminalOptions[] = [];
  const prompts: string[] = [];
  const watches = new Set<AbortController>();
  let pauses = 0;
  const script: (string | LineRead)[] = [...(options.lines ?? [])];
  let waiting: ((read: LineRead) => void) | null = null;

  const readLine = (prompt: string, signal?: AbortSignal): Promise<LineRead> => {
    prompts.push(prompt);
    out += prompt;
    const next = script.shift();
    if (next === undefined && options.holdInput === true) {
      // Nothing more scripted: wait for Ctrl-C, as a person watching `fg` output would.
      return new Promise((resolve) => {
        waiting = resolve;
        signal?.addEventListener('abort', () => resolve({ kind: 'interrupt' }), { once: true });
      });
    }
    if (next === undefined) {
      return Promise.resolve({ kind: 'eof' });
    }
    return Promise.resolve(typeof next === 'string' ? { kind: 'line', text: next } : next);
  };
  const terminal = (terminalOptions: TerminalOptions): Terminal => {
    terminals.push(terminalOptions);
    return { readLine, readSecret: (prompt) => readLine(prompt), close: () => undefined };
  };

  const deps: CtlDeps = {
    argv0: '/usr/bin/tssupervisorctl',
    version: '0.0.0-test',
    stdout: { write: (chunk) => (out += text(chunk)) },
    stderr: { write: (chunk) => (err += text(chunk)) },
    findConfigFile: () => options.configFile,
    loadConfig: (path) =>
      options.configs?.[path] ?? {
        ok: false,
        problem: 'not-found',
        errors: [
          {
            file: path,
            line: null,
            section: null,
            option: null,
            value: null,
            message: `could not find config file ${path}`,
          },
        ],
      },
    connect: (target) => {
      targets.push(target);
      return options.connectError === undefined
        ? { ok: true, client: (servers.get(target.serverUrl) ?? rpc).client }
        : { ok: false, message: options.connectError };
    },
    openLogStream: (request) =>
      new Promise((resolve) => {
        let done = false;
        const end = (result: LogStreamEnd): void => {
          if (!done) {
            done = true;
            resolve(result);
          }
        };
        request.signal.addEventListener('abort', () => end({ kind: 'aborted' }), { once: true });
        streams.push({
          request,
          push: (data) => request.onData(new TextEncoder().encode(data)),
          end,
        });
      }),
    openTerminal: terminal,
    colour: options.colour ?? false,
    wallMs: () => options.wallMs ?? Date.UTC(2026, 11, 5, 12),
    pause: () => {
      pauses++;
      options.onPause?.(pauses, fake);
      return new Promise((resolve) => setImmediate(resolve));
    },
    interrupts: {
      watch: () => {
        const controller = new AbortController();
        watches.add(controller);
        return { signal: controller.signal, release: () => watches.delete(controller) };
      },
    },
  };

  const fake: FakeCtl = {
    deps,
    rpc,
    servers,
    stdout: () => out,
    stderr: () => err,
    targets,
    streams,
    terminals,
    prompts,
    interrupt: () => {
      const pending = waiting;
      waiting = null;
      pending?.({ kind: 'interrupt' });
      for (const watch of watches) {
        watch.abort();
      }
      watches.clear();
    },
  };
  return fake;
};

export interface CtlRun {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly fake: FakeCtl;
}

/** Runs `tssupervisorctl <argv>` in-process against the fakes. */
export const runCtl = async (
  argv: readonly string[],
  options: FakeCtlOptions = {},
): Promise<CtlRun> => {
  const fake = fakeCtl(options);
  const exit = await createProgram(fake.deps).run(argv);
  return { exit, stdout: fake.stdout(), stderr: fake.stderr(), fake };
};
