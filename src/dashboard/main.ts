// The dashboard's composition root: the terminal, the HTTP transport and clients for one server,
// log streams and the clock, then the runner until the user quits. tssupervisorctl's
// `dashboard` (and `top`) command lands here.

import { nodeClock } from '../platform/node-clock.js';
import { createNodeHttpClient } from '../platform/node-http-client.js';
import { openHttpLogStream } from '../platform/http-log-stream.js';
import { createRpcClient } from '../protocol/client.js';
import { parseServerUrl } from '../protocol/server-url.js';
import { dashboardApi } from './daemon-api.js';
import { LONG_POLL_MS } from './process-sync.js';
import { runDashboard } from './runner.js';
import { openScreen } from './screen.js';

export interface DashboardTarget {
  readonly serverUrl: string;
  readonly username: string | null;
  readonly password: string | null;
}

/** A daemon that does not answer a read within this long counts as lost. */
const READ_TIMEOUT_MS = 10_000;

/** Runs until the user quits; the exit status for the ctl. */
export const runDashboardOn = async (target: DashboardTarget): Promise<number> => {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('Error: the dashboard needs a terminal (stdin and stdout a tty)\n');
    return 2;
  }
  const url = parseServerUrl(target.serverUrl);
  if (!url.ok) {
    process.stderr.write(`Error: ${url.message}\n`);
    return 2;
  }
  const transport = createNodeHttpClient();
  const client = (timeoutMs: number | null) =>
    createRpcClient({
      endpoint: url.endpoint,
      username: target.username,
      password: target.password,
      transport,
      timeoutMs,
    });
  const api = dashboardApi({
    quick: client(READ_TIMEOUT_MS),
    waiting: client(null),
    longPoll: client(LONG_POLL_MS + READ_TIMEOUT_MS),
  });
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
    await runDashboard({
      api,
      clock: nodeClock,
      screen,
      serverUrl: target.serverUrl,
      openLog: (path, signal, onData) =>
        openHttpLogStream({
          endpoint: url.endpoint,
          path,
          username: target.username,
          password: target.password,
          signal,
          onData,
        }),
    });
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGHUP', onHup);
    screen.destroy();
    transport.close();
  }
  return 0;
};
