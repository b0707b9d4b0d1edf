// tssupervisorctl's entry point and composition root: real streams, config files, HTTP
// transport, terminal and Ctrl-C handling, then the program's exit status. The only ctl file
// that touches process.* (argv, env, signals, exit).

import { findConfigFile, loadCtlConfig } from '../config/load.js';
import { createNodeConfigHost } from '../platform/node-config-host.js';
import { createNodeHttpClient } from '../platform/node-http-client.js';
import { createRpcClient } from '../protocol/client.js';
import { parseServerUrl } from '../protocol/server-url.js';
import { QUICK_CALL_TIMEOUT_MS, routeByMethod } from './client-timeouts.js';
import type { ConnectResult, CtlDeps, ServerTarget } from './deps.js';
import type { Interrupts } from './interrupts.js';
import { openHttpLogStream } from '../platform/http-log-stream.js';
import { packageVersion } from '../platform/package-version.js';
import { openReadlineTerminal } from '../platform/readline-terminal.js';
import { createProgram } from './program.js';

const argv0 = process.argv[1] ?? 'tssupervisorctl';
const host = createNodeConfigHost();

const connect = (target: ServerTarget): ConnectResult => {
  const url = parseServerUrl(target.serverUrl);
  if (!url.ok) {
    return { ok: false, message: url.message };
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
  return { ok: true, client: routeByMethod(client(null), client(QUICK_CALL_TIMEOUT_MS)) };
};

// Ctrl-C stops whatever streams (tail -f, fg); with nothing streaming it ends the program:
// with 130 for a command, with 0 in the shell (whose terminal reports its Ctrl-C itself).
const watchers = new Set<AbortController>();
const interrupt = (idleExitStatus: number): void => {
  if (watchers.size === 0) {
    process.stdout.write('\n');
    process.exit(idleExitStatus);
  }
  for (const watcher of watchers) {
    watcher.abort();
  }
  watchers.clear();
};
process.on('SIGINT', () => interrupt(130));
const interrupts: Interrupts = {
  watch: () => {
    const watcher = new AbortController();
    watchers.add(watcher);
    return { signal: watcher.signal, release: () => watchers.delete(watcher) };
  },
};

// A reader that went away (`tail -f x | head`) ends us quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(error.code === 'EPIPE' ? 0 : 1);
  });
}

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

const deps: CtlDeps = {
  argv0,
  version: packageVersion(),
  stdout: process.stdout,
  stderr: process.stderr,
  findConfigFile: () => findConfigFile(argv0, host),
  loadConfig: (path) => loadCtlConfig(path, host),
  connect,
  openLogStream: openHttpLogStream,
  colour: process.stdout.isTTY && process.env['NO_COLOR'] === undefined,
  pause,
  wallMs: () => Date.now(),
  openTerminal: (options) =>
    openReadlineTerminal({
      ...options,
      input: process.stdin,
      output: process.stdout,
      onInterrupt: () => interrupt(0),
    }),
  interrupts,
  // Loaded only when asked for: blessed is no cost to the other commands.
  runDashboard: async (hosts) => (await import('../dashboard/main.js')).runDashboardOn(hosts),
};

const exit = (status: number): void => {
  // Let what is written reach a pipe before leaving.
  process.stdout.write('', () => process.exit(status));
};

createProgram(deps)
  .run(process.argv.slice(2))
  .then(exit, (error: unknown) => {
    process.stderr.write(
      `tssupervisorctl: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    exit(1);
  });
