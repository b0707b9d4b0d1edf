// The table-driven ctl command tests: a row is the argv, the daemon's answers, and the output
// and exit code expected; checkCtlCase runs the ctl against the fake daemon and compares.

import { expect } from 'vitest';

import { runCtl } from './fake-ctl-deps.js';
import type { FakeAnswer } from './fake-rpc-client.js';
import { baseAnswers } from './supervisor-answers.js';

export interface CtlCase {
  readonly argv: string[];
  readonly answers?: Record<string, FakeAnswer>;
  /** the whole output, or a pattern it must match */
  readonly stdout: string | RegExp;
  readonly exit: number;
}

/** Run one row (after `options`, e.g. `--sequential`); the run is returned for further checks. */
export const checkCtlCase = async (
  { argv, answers, stdout, exit }: CtlCase,
  options: readonly string[] = [],
): Promise<Awaited<ReturnType<typeof runCtl>>> => {
  const run = await runCtl([...options, ...argv], { answers: baseAnswers(answers) });
  if (typeof stdout === 'string') {
    expect(run.stdout).toBe(stdout);
  } else {
    expect(run.stdout).toMatch(stdout);
  }
  expect(run.exit).toBe(exit);
  return run;
};
