import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers, statusStruct } from '../../../test/fakes/supervisor-answers.js';
import { checkCtlCase, type CtlCase } from '../../../test/fakes/ctl-cases.js';

it.each<CtlCase>([
  {
    argv: ['signal', 'HUP', 'a'],
    answers: { signalProcess: ok(true) },
    stdout: 'a: signalled\n',
    exit: 0,
  },
  {
    argv: ['signal', 'FOO', 'a'],
    answers: { signalProcess: fault('BAD_SIGNAL', 'FOO') },
    stdout: 'a: ERROR (bad signal name)\n',
    exit: 1,
  },
  {
    argv: ['signal', 'HUP', 'g:q'],
    answers: { signalProcess: fault('NOT_RUNNING', 'g:q') },
    stdout: 'g:q: ERROR (not running)\n',
    exit: 7,
  },
  {
    argv: ['signal', 'HUP', 'x'],
    answers: { signalProcess: fault('BAD_NAME', 'x') },
    stdout: 'x: ERROR (no such process)\n',
    exit: 1,
  },
  {
    argv: ['signal', 'USR1', 'web:*'],
    answers: { signalProcessGroup: ok([statusStruct('web', 'web_0', 'SUCCESS')]) },
    stdout: 'web:web_0: signalled\n',
    exit: 0,
  },
  {
    argv: ['signal', 'USR1', 'no:*'],
    answers: { signalProcessGroup: fault('BAD_NAME', 'no') },
    stdout: 'no: ERROR (no such group)\n',
    exit: 1,
  },
  {
    argv: ['signal', '15', 'all'],
    answers: {
      signalAllProcesses: ok([
        statusStruct('a', 'a', 'SUCCESS'),
        statusStruct('b', 'b', 'NOT_RUNNING'),
      ]),
    },
    stdout: 'a: signalled\nb: ERROR (not running)\n',
    exit: 7,
  },
])('$argv', async (row) => {
  await checkCtlCase(row);
});

it('sends the signal as given, to each name', async () => {
  const run = await runCtl(['signal', 'hup', 'a', 'b'], {
    answers: baseAnswers({ signalProcess: ok(true) }),
  });
  expect(run.fake.rpc.calls.slice(1).map((c) => c.params)).toEqual([
    ['a', 'hup'],
    ['b', 'hup'],
  ]);
});

it.each([[['signal']], [['signal', 'HUP']]])('%j needs a signal and a name', async (argv) => {
  const run = await runCtl(argv, { answers: baseAnswers() });
  expect(run.stdout).toMatch(/^Error: signal requires a signal name and a process name\nsignal /);
  expect(run.exit).toBe(1);
});
