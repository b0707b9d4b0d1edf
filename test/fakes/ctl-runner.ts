// Runs a ctl as a real process for integration and compatibility tests: the built
// bin/tssupervisorctl or the real /usr/bin/supervisorctl, with optional stdin, a deadline,
// and a config file per test that points both at the same server.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const TSSUPERVISORCTL = fileURLToPath(new URL('../../bin/tssupervisorctl', import.meta.url));
export const SUPERVISORCTL = '/usr/bin/supervisorctl';

export interface ProcessRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface RunOptions {
  readonly input?: string;
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** run as this user (uid = gid): lets a root test see what an ordinary user sees */
  readonly uid?: number;
}

export const runProgram = (
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<ProcessRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      // A fixed locale: Python would otherwise warn about a non-UTF-8 stdout.
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (exit, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exit, signal });
    });
    child.stdin.end(options.input ?? '');
  });

export const runOurs = (args: readonly string[], options?: RunOptions): Promise<ProcessRun> =>
  runProgram(process.execPath, [TSSUPERVISORCTL, ...args], options);

export const runTheirs = (args: readonly string[], options?: RunOptions): Promise<ProcessRun> =>
  runProgram(SUPERVISORCTL, args, options);

/** A config file with only [supervisorctl], so neither ctl searches the default paths. */
export const writeCtlConfig = (path: string, lines: readonly string[]): string => {
  writeFileSync(path, ['[supervisorctl]', ...lines, ''].join('\n'));
  return path;
};
