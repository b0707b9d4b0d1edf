// Daemonizing without fork(): the launching process re-runs itself detached (new session,
// stdio on /dev/null) and returns only once the daemon reports "up" or a startup error over IPC.

import { spawn } from 'node:child_process';

const MARKER = 'TSSUPERVISORD_DAEMON_CHILD';

type LaunchMessage = { readonly up: true } | { readonly error: string };

const isLaunchMessage = (m: unknown): m is LaunchMessage =>
  typeof m === 'object' && m !== null && ('up' in m || 'error' in m);

/**
 * True in the detached daemon process started by launchDaemon. Call once at startup: it removes
 * the marker so the programs the daemon spawns don't inherit it.
 */
export const takeDaemonChildMarker = (): boolean => {
  const launchedByUs = process.env[MARKER] === '1';
  delete process.env['TSSUPERVISORD_DAEMON_CHILD'];
  return launchedByUs;
};

/**
 * Start the detached daemon and wait for its verdict. Resolves to the exit code the launching
 * command should use: 0 when the daemon is up, 2 after printing its startup error.
 */
export const launchDaemon = (args: readonly string[], umask: number): Promise<number> =>
  new Promise((resolve) => {
    // The daemon applies [supervisord] umask; set it here so the child starts with it.
    process.umask(umask);
    const child = spawn(process.execPath, [...process.execArgv, ...args], {
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: { ...process.env, [MARKER]: '1' },
    });
    let settled = false;
    const settle = (code: number): void => {
      if (!settled) {
        settled = true;
        child.disconnect();
        child.unref();
        resolve(code);
      }
    };
    child.on('message', (message) => {
      if (!isLaunchMessage(message)) {
        return;
      }
      if ('error' in message) {
        process.stderr.write(message.error);
        settle(2);
      } else {
        settle(0);
      }
    });
    child.once('exit', (code) => {
      if (!settled) {
        process.stderr.write(`Error: the daemon exited during startup (exit status ${code})\n`);
        settle(2);
      }
    });
  });

/** In the daemon child: tell the launcher we are up, and drop the channel. */
export const reportUp = (): void => {
  if (process.send !== undefined) {
    process.send({ up: true });
    process.disconnect();
  }
};

/** In the daemon child: hand a startup error to the launcher to print. */
export const reportStartupError = (text: string): void => {
  if (process.send !== undefined) {
    process.send({ error: text });
  }
};
