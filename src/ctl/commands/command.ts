// What a ctl verb is (name, help, completion, run) and what it may use while it runs: the
// typed API of the current server, output, the sticky exit status, prompts and log streams.

import type { SupervisorApi } from '../../protocol/supervisor-api.js';
import type { Fleet } from '../fleet/fleet-reach.js';
import type { TssupervisorApi } from '../../protocol/tssupervisor-api.js';
import type { InterruptWatch } from '../interrupts.js';
import type { LogStreamEnd } from '../../ports/log-stream.js';
import type { LineRead } from '../../ports/terminal.js';

export interface CommandContext {
  readonly api: SupervisorApi;
  /** Our tssupervisor.* methods on the same server (supervisord answers UNKNOWN_METHOD). */
  readonly ours: TssupervisorApi;
  /** The server URL as configured, for messages. */
  readonly serverUrl: string;
  /** In the shell: `reload`/`shutdown` ask first, a 401 asks for credentials. */
  readonly interactive: boolean;
  /** --json: commands that support it print one JSON document on stdout. */
  readonly json: boolean;
  /** Whether calls for several names may run concurrently (not with --sequential). */
  readonly parallel: boolean;
  readonly commands: readonly CtlCommand[];
  /** Ours: the daemons of a fleet; null when the ctl talks to one server. */
  readonly fleet: Fleet | null;

  /** One line on stdout. */
  out(line: string): void;
  /** One line on stderr. */
  warn(line: string): void;
  /** A line that is not the command's result: stdout, or stderr under --json. */
  note(line: string): void;
  /** Log data as it arrives, unchanged. */
  write(chunk: string | Uint8Array): void;

  readonly exitStatus: number;
  setExitStatus(status: number): void;

  /** supervisorctl's connection check; false (message printed, status set) when it fails. */
  upcheck(): Promise<boolean>;
  /** Points the session at another server (`open`). */
  switchServer(serverUrl: string): void;
  /** One line from the terminal; `signal` gives up waiting ('interrupt'). */
  ask(prompt: string, signal?: AbortSignal): Promise<LineRead>;
  watchInterrupt(): InterruptWatch;
  /** Streams `path` to stdout until it ends or `signal` aborts. */
  followLog(path: string, signal: AbortSignal): Promise<LogStreamEnd>;
  /** Whether stdout takes ANSI colours (a terminal, no NO_COLOR). */
  readonly colour: boolean;
  /** The wall clock, epoch milliseconds. */
  wallMs(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  pause(ms: number, signal: AbortSignal): Promise<void>;
  /** Ours: runs the dashboard on this server (or fleet) until the user quits; null: none here. */
  runDashboard(): Promise<number> | null;
}

export type CommandResult = 'leave-shell' | undefined;

export type CompletionKind = 'actions' | 'groups' | 'processes' | 'nothing';

export interface CtlCommand {
  readonly name: string;
  /** Our own help text, printed by `help <name>` and after usage errors. */
  readonly help: readonly string[];
  /** In the `help` topic list (all but `help` and `EOF`). */
  readonly listed: boolean;
  /** What tab completion offers for this verb's arguments. */
  readonly completes: CompletionKind;
  /** Ours: the verb prints JSON under --json (also accepted after the verb: `status --json`). */
  readonly json?: true;
  /** `arg` is the rest of the line, stripped. */
  run(ctx: CommandContext, arg: string): Promise<CommandResult>;
  /** Ours: the verb across a fleet; without it (and not `local`) a fleet refuses the verb. */
  readonly runFleet?: (ctx: CommandContext, fleet: Fleet, arg: string) => Promise<CommandResult>;
  /** Talks to no server (help, exit): the same with one server or a fleet. */
  readonly local?: true;
}

/** A wrong invocation: the message, the command's help, and the exit status. */
export const usageError = (
  ctx: CommandContext,
  command: Pick<CtlCommand, 'help'> | null,
  message: string,
  status: number,
): undefined => {
  ctx.note(message);
  ctx.setExitStatus(status);
  for (const line of command?.help ?? []) {
    ctx.note(line);
  }
  return undefined;
};
