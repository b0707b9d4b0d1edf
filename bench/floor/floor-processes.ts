// The physical floor: the same programs run with no supervisor at all, so each figure can be
// set against what the OS itself needs for the same work (fork/exec of the same bash scripts,
// a restart loop in bash, a plain SIGTERM + reap).

import { type ChildProcess, spawn } from 'node:child_process';

import { wallMs } from '../clock.js';
import type { WorkloadScripts } from '../workload/scripts.js';

const shellQuote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;

/** bash starts every program in the background at once; returns the wall time of the launch. */
export const spawnAllFromShell = (
  scripts: WorkloadScripts,
  recordsFile: string,
  names: readonly string[],
): number => {
  const script = names
    .map((n) => `${shellQuote(scripts.idle)} ${shellQuote(recordsFile)} ${n} &`)
    .join('\n');
  const launchedAt = wallMs();
  spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
  return launchedAt;
};

/** One `while :; do program; done` bash loop per program: a restart with nothing in between. */
export const restartLoops = (
  scripts: WorkloadScripts,
  recordsFile: string,
  names: readonly string[],
): void => {
  for (const name of names) {
    const loop = `while :; do ${shellQuote(scripts.idle)} ${shellQuote(recordsFile)} ${name}; done`;
    spawn('bash', ['-c', loop], { detached: true, stdio: 'ignore' }).unref();
  }
};

/** The programs as direct children of this process, so their exits can be awaited. */
export const spawnChildren = (
  scripts: WorkloadScripts,
  recordsFile: string,
  names: readonly string[],
): ChildProcess[] =>
  names.map((name) =>
    spawn(scripts.idle, [recordsFile, name], { detached: true, stdio: 'ignore' }),
  );

/** SIGTERM to each child, resolved when every one has exited; returns ms. */
export const stopChildren = async (children: readonly ChildProcess[]): Promise<number> => {
  const exits = children.map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
        } else {
          child.once('exit', () => resolve());
        }
      }),
  );
  const t0 = performance.now();
  for (const child of children) {
    child.kill('SIGTERM');
  }
  await Promise.all(exits);
  return performance.now() - t0;
};
