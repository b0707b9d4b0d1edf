// Everything the ctl program needs from outside, injected by main.ts (real) or by tests
// (fakes): output streams, the config file, connections, log streams, terminal, Ctrl-C.

import type { CtlLoadResult } from '../config/load.js';
import type { RpcClient } from '../protocol/client.js';
import type { Interrupts } from './interrupts.js';
import type { OpenLogStream } from '../ports/log-stream.js';
import type { Terminal, TerminalOptions } from '../ports/terminal.js';

export interface OutputStream {
  write(chunk: string | Uint8Array): void;
}

/** Where and as whom to connect. */
export interface ServerTarget {
  /** As configured or given with -s; messages quote it verbatim. */
  readonly serverUrl: string;
  readonly username: string | null;
  readonly password: string | null;
}

export type ConnectResult =
  | { readonly ok: true; readonly client: RpcClient }
  /** The URL cannot be used (e.g. an unknown scheme): the message says why. */
  | { readonly ok: false; readonly message: string };

export interface CtlDeps {
  /** How we were invoked: usage messages name it; the config search starts two levels up. */
  readonly argv0: string;
  /** Our package's version, for --version. */
  readonly version: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The first default config location that exists (spec §1.1). */
  findConfigFile(): string | undefined;
  loadConfig(path: string): CtlLoadResult;
  connect(target: ServerTarget): ConnectResult;
  readonly openLogStream: OpenLogStream;
  openTerminal(options: TerminalOptions): Terminal;
  readonly interrupts: Interrupts;
  /** Whether stdout is a terminal that takes colours (not with NO_COLOR); default false. */
  readonly colour?: boolean;
  /** Resolves after `ms`, or at once when `signal` aborts (`logs -f` polls with it). */
  readonly pause?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The wall clock in epoch milliseconds (`logs --since 10m`); default Date.now. */
  readonly wallMs?: () => number;
  /**
   * Ours: the terminal dashboard until the user quits; its exit status. `hosts`: one server
   * (named '') or a fleet's, in order.
   */
  readonly runDashboard?: (
    hosts: readonly { readonly name: string; readonly target: ServerTarget }[],
  ) => Promise<number>;
}
