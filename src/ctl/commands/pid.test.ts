import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers, processInfo } from '../../../test/fakes/supervisor-answers.js';

const answers = baseAnswers({
  getProcessInfo: (params) =>
    params[0] === 'nope'
      ? fault('BAD_NAME', 'nope')
      : params[0] === 'down'
        ? ok(processInfo('down', 'STOPPED'))
        : ok(processInfo(params[0] as string, 'RUNNING', { pid: 9 })),
});

it.each([
  { argv: ['pid'], stdout: '42\n', exit: 0 },
  { argv: ['pid', 'all'], stdout: '0\n101\n102\n0\n', exit: 0 },
  { argv: ['pid', 'up'], stdout: '9\n', exit: 0 },
  { argv: ['pid', 'down', 'up'], stdout: '0\n9\n', exit: 7 },
  { argv: ['pid', 'nope', 'up'], stdout: 'No such process nope\n9\n', exit: 1 },
])('$argv', async ({ argv, stdout, exit }) => {
  const run = await runCtl(argv, { answers });
  expect(run.stdout).toBe(stdout);
  expect(run.exit).toBe(exit);
});
