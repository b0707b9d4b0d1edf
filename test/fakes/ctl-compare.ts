// Comparing the real supervisorctl with tssupervisorctl: both run as processes with the same
// config file and stdin, and their stdout, stderr and exit code must be equal once the
// deliberate differences documented in docs/ctl.md are taken out.

import { spawn } from 'node:child_process';

import { expect } from 'vitest';

import { runOurs, runTheirs, type ProcessRun, type RunOptions } from './ctl-runner.js';

/**
 * The deliberate differences, each documented in docs/ctl.md:
 * - help: our own help text after a usage error's first line (and for -h / help <cmd>);
 * - error: where supervisorctl prints a Python traceback summary, we print one `error:` line;
 * - group-clear: `clear g:*` names `g:*` where supervisorctl prints `g:None`;
 * - auth: on a 401 supervisorctl retries once and adds a traceback line; we do not.
 */
export type Allowed = 'help' | 'error' | 'group-clear' | 'auth';

export interface Case {
  readonly args: readonly string[];
  readonly allow?: Allowed;
  readonly input?: string;
}

const progname = (text: string): string =>
  text.replace(/For help, use \S+ -h/g, 'For help, use <ctl> -h');

export interface Transcript {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number | null;
}

const transcript = (run: ProcessRun): Transcript => ({
  stdout: progname(run.stdout),
  stderr: progname(run.stderr),
  exit: run.exit,
});

const firstLines = (t: Transcript): Transcript => ({
  ...t,
  stdout: t.stdout.split('\n')[0] ?? '',
  stderr: t.stderr.split('\n')[0] ?? '',
});

/** Both sides after the allowed difference is taken out; they must then be equal. */
const compared = (allow: Allowed | undefined, theirs: Transcript, ours: Transcript) => {
  switch (allow) {
    case undefined:
      return { theirs, ours };
    case 'help':
      // Same first line (the error), and both go on to print some help.
      expect(ours.stdout.split('\n').length + ours.stderr.split('\n').length).toBeGreaterThan(2);
      return { theirs: firstLines(theirs), ours: firstLines(ours) };
    case 'error': {
      const oneErrorLine = /^error: [^\n]+\n$/;
      expect(theirs.stdout).toMatch(oneErrorLine);
      expect(ours.stdout).toMatch(oneErrorLine);
      return { theirs: { ...theirs, stdout: '' }, ours: { ...ours, stdout: '' } };
    }
    case 'group-clear':
      return { theirs: { ...theirs, stdout: theirs.stdout.replace(/:None:/g, ':*:') }, ours };
    case 'auth': {
      const lines = theirs.stdout.split('\n');
      expect(lines[1]).toMatch(/^error: <class 'xmlrpc\.client\.ProtocolError'>/);
      return { theirs: { ...theirs, stdout: `${lines[0] ?? ''}\n` }, ours };
    }
  }
};

export const expectSame = async (config: string, { args, allow, input }: Case): Promise<void> => {
  const options: RunOptions = input === undefined ? {} : { input };
  const [theirs, ours] = await Promise.all([
    runTheirs(['-c', config, ...args], options),
    runOurs(['-c', config, ...args], options),
  ]);
  const sides = compared(allow, transcript(theirs), transcript(ours));
  expect(sides.ours, `tssupervisorctl ${args.join(' ')}`).toEqual(sides.theirs);
};

/**
 * When Ctrl-C lands inside supervisorctl's asyncore loop (it depends on timing), it reports
 * "Cannot connect, error: <class 'KeyboardInterrupt'> ()" on stderr and skips the final empty
 * line; otherwise it prints just the empty line, as we always do.
 */
export const withoutInterruptQuirk = (t: Transcript): Transcript => {
  const quirk = /^\S+ Cannot connect, error: <class 'KeyboardInterrupt'> \(\)\n$/;
  return quirk.test(t.stderr) ? { ...t, stderr: '', stdout: `${t.stdout}\n` } : t;
};

/** Starts a follower, waits for `content`, presses Ctrl-C, returns what it printed. */
export const followUntil = (command: string, args: readonly string[], content: string) =>
  new Promise<Transcript>((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, LANG: 'C.UTF-8' } });
    let stdout = '';
    let stderr = '';
    const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.endsWith(content)) {
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exit) => {
      clearTimeout(deadline);
      resolve({ stdout, stderr, exit });
    });
  });
