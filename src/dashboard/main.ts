// The dashboard's composition root: the terminal, the HTTP transport, clients and log streams
// for each server (one, or a fleet's), and the clock, then the runner until the user quits.
// tssupervisorctl's `dashboard` (and `top`) command lands here.

import { nodeClock } from '../platform/node-clock.js';
import { createNodeHttpClient } from '../platform/node-http-client.js';
import { openHttpLogStream } from '../platform/http-log-stream.js';
import { createRpcClient } from '../protocol/client.js';
import { parseServerUrl } from '../protocol/server-url.js';
import { dashboardApi } from './daemon-api.js';
import type { HostClient } from './host-client.js';
import { LONG_POLL_MS } from './process-sync.js';
import { runDashboard } from './runner.js';
import { openScreen } from './screen.js';

export interface DashboardTarget {
  readonly serverUrl: string;
  readonly username: string | null;
  readonly password: string | null;
}

/** One daemon to show: its name in the fleet ('' without a fleet) and how to reach it. */
export interface DashboardHost {
  readonly name: string;
  readonly target: DashboardTarget;
}

/** A daemon that does not answer a read within this long counts as lost. */
const READ_TIMEOUT_MS = 10_000;

type Transport = ReturnType<typeof createNodeHttpClient>;

/** The clients of one daemon, or why its address is no address. */
const hostClient = (
  { name, target }: DashboardHost,
  transport: Transport,
): HostClient | { readonly error: string } => {
  const url = parseServerUrl(target.serverUrl);
  if (!url.ok) {
    return { error: name === '' ? url.message : `${name}: ${url.message}` };
  }
  const client = (timeoutMs: number | null) =>
    createRpcClient({
      endpoint: url.endpoint,
      username: target.username,
      password: target.password,
      transport,
      timeoutMs,
    });
  return {
    name,
    serverUrl: target.serverUrl,
    api: dashboardApi({
      quick: client(READ_TIMEOUT_MS),
      waiting: client(null),
      longPoll: client(LONG_POLL_MS + READ_TIMEOUT_MS),
    }),
    openLog: (path, signal, onData) =>
      openHttpLogStream({
        endpoint: url.endpoint,
        path,
        username: target.username,
        password: target.password,
        signal,
        onData,
      }),
  };
};

/** Runs until the user quits; the exit status for the ctl. */
export const runDashboardOn = async (daemons: readonly DashboardHost[]): Promise<number> => {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('Error: the dashboard needs a terminal (stdin and stdout a tty)\n');
    return 2;
  }
  const transport = createNodeHttpClient();
  const hosts: HostClient[] = [];
  for (const daemon of daemons) {
    const made = hostClient(daemon, transport);
    if ('error' in made) {
      transport.close();
      process.stderr.write(`Error: ${made.error}\n`);
      return 2;
    }
    hosts.push(made);
  }
  const screen = openScreen({ input: process.stdin, output: process.stdout });
  // Killed or hung up on: the terminal is given back (out of the alternate screen, cooked
  // mode, cursor shown) before going.
  const leave = (status: number) => () => {
    screen.destroy();
    process.exit(status);
  };
  const onTerm = leave(143);
  const onHup = leave(129);
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  try {
    await runDashboard({ hosts, clock: nodeClock, screen });
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGHUP', onHup);
    screen.destroy();
    transport.close();
  }
  return 0;
};
