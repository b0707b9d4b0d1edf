// Finds and kills every process the bench started, however it was started (daemons, their
// children, orphans of a SIGKILLed daemon): anything whose command line or environment mentions
// the bench's private temp root, and the process group each of them leads. Synchronous, so it
// also runs from an 'exit' handler.

import { readdirSync, readFileSync } from 'node:fs';

const mentions = (path: string, needle: string): boolean => {
  try {
    return readFileSync(path).includes(needle);
  } catch {
    return false;
  }
};

/** Pids (other than ours) whose cmdline or environ contains `root`. */
export const findProcessesUnder = (root: string): number[] => {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) {
      continue;
    }
    if (mentions(`/proc/${pid}/cmdline`, root) || mentions(`/proc/${pid}/environ`, root)) {
      pids.push(pid);
    }
  }
  return pids;
};

const kill = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
};

/**
 * SIGKILLs everything under `root`, the given daemon pids first (so nothing is restarted
 * meanwhile), and repeats until a scan finds nothing or `rounds` scans were made.
 * Returns how many processes were killed.
 */
export const reapSync = (root: string, daemonPids: readonly number[] = [], rounds = 50): number => {
  for (const pid of daemonPids) {
    kill(pid, 'SIGKILL');
  }
  let killed = 0;
  for (let round = 0; round < rounds; round++) {
    const found = findProcessesUnder(root);
    if (found.length === 0) {
      return killed;
    }
    for (const pid of found) {
      kill(pid, 'SIGKILL');
      // Supervised children lead their own group; take whatever they started with them.
      kill(-pid, 'SIGKILL');
    }
    killed += found.length;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  return killed;
};
