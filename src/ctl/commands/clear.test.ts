import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers, statusStruct } from '../../../test/fakes/supervisor-answers.js';
import { checkCtlCase, type CtlCase } from '../../../test/fakes/ctl-cases.js';

it.each<CtlCase>([
  {
    argv: ['clear', 'a', 'g:p'],
    answers: { clearProcessLogs: ok(true) },
    stdout: 'a: cleared\ng:p: cleared\n',
    exit: 0,
  },
  {
    argv: ['clear', 'x'],
    answers: { clearProcessLogs: fault('BAD_NAME', 'x') },
    stdout: 'x: ERROR (no such process)\n',
    exit: 1,
  },
  {
    argv: ['clear', 'x'],
    answers: { clearProcessLogs: fault('FAILED', 'x') },
    stdout: 'x: ERROR (failed)\n',
    exit: 1,
  },
  // A group spec goes to clearProcessLogs as typed (supervisorctl shows it as `g:None`).
  {
    argv: ['clear', 'g:*'],
    answers: { clearProcessLogs: fault('BAD_NAME', 'g:*') },
    stdout: 'g:*: ERROR (no such process)\n',
    exit: 1,
  },
  {
    argv: ['clear', 'all'],
    answers: {
      clearAllProcessLogs: ok([
        statusStruct('a', 'a', 'SUCCESS'),
        statusStruct('g', 'b', 'FAILED'),
      ]),
    },
    stdout: 'a: cleared\ng:b: ERROR (failed)\n',
    exit: 1,
  },
])('$argv', async (row) => {
  await checkCtlCase(row);
});

it('requires a name', async () => {
  const run = await runCtl(['clear'], { answers: baseAnswers() });
  expect(run.stdout).toMatch(/^Error: clear requires a process name\nclear <name>/);
  expect(run.exit).toBe(1);
});
