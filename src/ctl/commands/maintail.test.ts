import { expect, it } from 'vitest';

import { fakeCtl, runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers } from '../../../test/fakes/supervisor-answers.js';
import { checkCtlCase, type CtlCase } from '../../../test/fakes/ctl-cases.js';
import { createProgram } from '../program.js';

it.each<CtlCase>([
  { argv: ['maintail'], answers: { readLog: ok('log\n') }, stdout: 'log\n\n', exit: 0 },
  { argv: ['maintail', '-30'], answers: { readLog: ok('x') }, stdout: 'x\n', exit: 0 },
  { argv: ['maintail', 'x'], stdout: 'Error: bad argument x\n', exit: 1 },
  { argv: ['maintail', '-x'], stdout: 'Error: bad argument -x\n', exit: 1 },
  { argv: ['maintail', '-f', 'x'], stdout: /^Error: too many arguments\nmaintail/, exit: 1 },
  {
    argv: ['maintail'],
    answers: { readLog: fault('NO_FILE') },
    stdout: 'supervisord: ERROR (no log file)\n',
    exit: 1,
  },
  {
    argv: ['maintail'],
    answers: { readLog: fault('FAILED') },
    stdout: 'supervisord: ERROR (unknown error reading log)\n',
    exit: 1,
  },
])('$argv', async (row) => {
  await checkCtlCase(row);
});

it('reads the last N bytes with readLog(-N, 0)', async () => {
  const run = await runCtl(['maintail', '-30'], { answers: baseAnswers({ readLog: ok('') }) });
  expect(run.fake.rpc.calls.at(-1)?.params).toEqual([-30, 0]);
});

it('follows /mainlogtail with -f until the server ends it', async () => {
  const fake = fakeCtl({ answers: baseAnswers() });
  const run = createProgram(fake.deps).run(['maintail', '-f']);
  for (let turn = 0; turn < 50 && fake.streams.length === 0; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(fake.streams[0]?.request.path).toBe('/mainlogtail');
  fake.streams[0]?.push('main\n');
  fake.streams[0]?.end({ kind: 'ended' });
  expect(await run).toBe(0);
  expect(fake.stdout()).toBe('==> Press Ctrl-C to exit <==\nmain\n');
});
