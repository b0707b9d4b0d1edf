// A PID namespace standing in for a container: the command line that makes the daemon its PID 1,
// whether this machine allows it, and which processes live in a given namespace.

import { spawnSync } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';

import type { RunningDaemon } from './daemon-harness.js';

/** `unshare` as a container runtime: a new pid namespace whose PID 1 is the command that follows. */
export const UNSHARE = ['unshare', '--pid', '--fork', '--kill-child', '--mount-proc'] as const;

/** null when a command can be PID 1 of a new pid namespace here, else why not. */
export const whyNoPidNamespace = (): string | null => {
  const [command, ...args] = UNSHARE;
  const tried = spawnSync(command, [...args, 'true'], { encoding: 'utf8' });
  if (tried.error !== undefined) {
    return `unshare is not available (${tried.error.message})`;
  }
  return tried.status === 0
    ? null
    : `unshare --pid --fork --mount-proc fails here (${tried.stderr.trim()})`;
};

/** The pid namespace of a (host) pid, as `pid:[4026532…]`; undefined once it is gone. */
export const pidNamespaceOf = (pid: number): string | undefined => {
  try {
    return readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return undefined;
  }
};

/** Host pids of every process in `namespace` (zombies included). */
export const pidsInNamespace = (namespace: string): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pidNamespaceOf(pid) === namespace);

/**
 * For afterEach, with a daemon started under UNSHARE: killing unshare kills the namespace's PID 1
 * (--kill-child), and with it the namespace. Never killDaemon for such a daemon: the pids in its
 * log are the namespace's, not ours.
 */
export const killNamespace = async (daemon: RunningDaemon | undefined): Promise<void> => {
  if (daemon === undefined) {
    return;
  }
  daemon.process.kill('SIGKILL');
  await daemon.exited();
  daemon.dir.remove();
};
