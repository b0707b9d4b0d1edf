// One ctl session (a single command, or a shell): the server it talks to (or our fleet of
// them), the sticky exit status, output routing, and the CommandContext every command runs with.

import type { RpcClient } from '../protocol/client.js';
import { supervisorApi } from '../protocol/supervisor-api.js';
import { tssupervisorApi } from '../protocol/tssupervisor-api.js';
import type { CommandContext, CtlCommand } from './commands/command.js';
import type { CtlDeps, ServerTarget } from './deps.js';
import { EXIT } from './exit-codes.js';
import type { LineRead, Terminal } from '../ports/terminal.js';
import { upcheck } from './upcheck.js';
import type { FleetHost } from './fleet/fleet-hosts.js';
import { createFleet } from './fleet/fleet-reach.js';

export interface SessionOptions {
  readonly deps: CtlDeps;
  readonly target: ServerTarget;
  readonly interactive: boolean;
  readonly json: boolean;
  readonly parallel: boolean;
  readonly commands: readonly CtlCommand[];
  /** Ours: the hosts of a fleet; null (or absent) for one server. */
  readonly fleet?: readonly FleetHost[] | null;
  /** The shell's terminal; one-shot commands open one only if they read input (`fg`). */
  readonly terminal: () => Terminal | null;
}

export interface Session extends CommandContext {
  readonly target: ServerTarget;
  askSecret(prompt: string): Promise<LineRead>;
  setCredentials(username: string, password: string): void;
  /** Drops the connection and any terminal the session opened itself. */
  close(): void;
  /** The same session, printing JSON (for `--json` given after the verb). */
  withJson(): Session;
}

export const createSession = (options: SessionOptions): Session => {
  const { deps } = options;
  let target = options.target;
  let exitStatus: number = EXIT.SUCCESS;
  let client: RpcClient | null = null;
  let ownTerminal: Terminal | null = null;
  const fleet =
    options.fleet == null ? null : createFleet(options.fleet, (target) => deps.connect(target));

  const currentClient = (): RpcClient => {
    if (client === null) {
      const connected = deps.connect(target);
      if (!connected.ok) {
        throw new Error(connected.message);
      }
      client = connected.client;
    }
    return client;
  };
  const dropClient = (): void => {
    client?.close();
    client = null;
  };
  const lazyClient: RpcClient = {
    get endpoint() {
      return currentClient().endpoint;
    },
    call: (method, params) => currentClient().call(method, params),
    close: dropClient,
  };
  const terminal = (): Terminal => {
    const shared = options.terminal();
    if (shared !== null) {
      return shared;
    }
    ownTerminal ??= deps.openTerminal({ historyFile: null, completer: null });
    return ownTerminal;
  };
  const line = (stream: CtlDeps['stdout']) => (text: string) => stream.write(`${text}\n`);
  const out = line(deps.stdout);
  const warn = line(deps.stderr);
  const note = options.json ? warn : out;

  const session: Session = {
    api: supervisorApi(lazyClient),
    ours: tssupervisorApi(lazyClient),
    get serverUrl() {
      return target.serverUrl;
    },
    get target() {
      return target;
    },
    interactive: options.interactive,
    json: options.json,
    parallel: options.parallel,
    commands: options.commands,
    fleet,
    out,
    warn,
    note,
    write: (chunk) => deps.stdout.write(chunk),
    get exitStatus() {
      return exitStatus;
    },
    setExitStatus: (status) => {
      exitStatus = status;
    },
    upcheck: async () => {
      const outcome = await upcheck(session.api, target.serverUrl);
      if (!outcome.ok) {
        note(outcome.message);
        exitStatus = outcome.exitStatus;
        return false;
      }
      return true;
    },
    switchServer: (serverUrl) => {
      dropClient();
      target = { ...target, serverUrl };
    },
    setCredentials: (username, password) => {
      dropClient();
      target = { ...target, username, password };
    },
    ask: (prompt, signal) => terminal().readLine(prompt, signal),
    askSecret: (prompt) => terminal().readSecret(prompt),
    watchInterrupt: () => deps.interrupts.watch(),
    followLog: (path, signal) =>
      deps.openLogStream({
        endpoint: lazyClient.endpoint,
        path,
        username: target.username,
        password: target.password,
        signal,
        onData: (chunk) => deps.stdout.write(chunk),
      }),
    colour: deps.colour ?? false,
    wallMs: () => (deps.wallMs ?? Date.now)(),
    pause: (ms, signal) => deps.pause?.(ms, signal) ?? Promise.resolve(),
    runDashboard: () =>
      deps.runDashboard?.(fleet === null ? [{ name: '', target }] : fleet.hosts) ?? null,
    close: () => {
      dropClient();
      fleet?.close();
      ownTerminal?.close();
      ownTerminal = null;
    },
    // Inherits the getters and closures, so the JSON view shares this session's state.
    withJson: () => Object.assign(Object.create(session) as Session, { json: true, note: warn }),
  };
  return session;
};
