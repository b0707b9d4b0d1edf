import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers, statusStruct } from '../../../test/fakes/supervisor-answers.js';
import { checkCtlCase, type CtlCase } from '../../../test/fakes/ctl-cases.js';

it.each<CtlCase>([
  {
    argv: ['stop', 'cron'],
    answers: { stopProcess: ok(true) },
    stdout: 'cron: stopped\n',
    exit: 0,
  },
  {
    argv: ['stop', 'nope'],
    answers: { stopProcess: fault('BAD_NAME', 'nope') },
    stdout: 'nope: ERROR (no such process)\n',
    exit: 1,
  },
  // Not running is reported but is not a failure of `stop`.
  {
    argv: ['stop', 'g:p'],
    answers: { stopProcess: fault('NOT_RUNNING', 'g:p') },
    stdout: 'g:p: ERROR (not running)\n',
    exit: 0,
  },
  {
    argv: ['stop', 'a'],
    answers: { stopProcess: fault('FAILED', 'a: kill failed') },
    stdout: 'FAILED: a: kill failed\n',
    exit: 1,
  },
  {
    argv: ['stop', 'web:*'],
    answers: {
      stopProcessGroup: ok([
        statusStruct('web', 'web_0', 'SUCCESS'),
        statusStruct('web', 'web_1', 'SUCCESS'),
      ]),
    },
    stdout: 'web:web_0: stopped\nweb:web_1: stopped\n',
    exit: 0,
  },
  {
    argv: ['stop', 'nogroup:'],
    answers: { stopProcessGroup: fault('BAD_NAME', 'nogroup') },
    stdout: 'nogroup: ERROR (no such group)\n',
    exit: 1,
  },
  { argv: ['stop', 'all'], answers: { stopAllProcesses: ok([]) }, stdout: '', exit: 0 },
])('$argv', async (row) => {
  await checkCtlCase(row);
});

it('requires a name: exit 1 and the help', async () => {
  const run = await runCtl(['stop'], { answers: baseAnswers() });
  expect(run.stdout).toMatch(/^Error: stop requires a process name\nstop <name>/);
  expect(run.exit).toBe(1);
});
