import { expect, it } from 'vitest';

import { fakeCtl, runCtl, type FakeCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok, refused, type FakeReply } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers, statusStruct } from '../../../test/fakes/supervisor-answers.js';
import { checkCtlCase, type CtlCase } from '../../../test/fakes/ctl-cases.js';
import { createProgram } from '../program.js';

const waitForCalls = async (fake: FakeCtl, count: number): Promise<void> => {
  for (let turn = 0; turn < 100 && fake.rpc.calls.length < count; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
};

it.each<CtlCase>([
  {
    argv: ['start', 'cron'],
    answers: { startProcess: ok(true) },
    stdout: 'cron: started\n',
    exit: 0,
  },
  {
    argv: ['start', 'web:web_0'],
    answers: { startProcess: ok(true) },
    stdout: 'web:web_0: started\n',
    exit: 0,
  },
  {
    argv: ['start', 'nope'],
    answers: { startProcess: fault('BAD_NAME', 'nope') },
    stdout: 'nope: ERROR (no such process)\n',
    exit: 1,
  },
  {
    argv: ['start', 'a'],
    answers: { startProcess: fault('NO_FILE', 'a') },
    stdout: 'a: ERROR (no such file)\n',
    exit: 1,
  },
  {
    argv: ['start', 'a'],
    answers: { startProcess: fault('NOT_EXECUTABLE', 'a') },
    stdout: 'a: ERROR (file is not executable)\n',
    exit: 1,
  },
  {
    argv: ['start', 'a'],
    answers: { startProcess: fault('SPAWN_ERROR', 'a') },
    stdout: 'a: ERROR (spawn error)\n',
    exit: 7,
  },
  {
    argv: ['start', 'a'],
    answers: { startProcess: fault('ABNORMAL_TERMINATION', 'a') },
    stdout: 'a: ERROR (abnormal termination)\n',
    exit: 7,
  },
  {
    argv: ['start', 'a'],
    answers: { startProcess: fault('ALREADY_STARTED', 'a') },
    stdout: 'a: ERROR (already started)\n',
    exit: 0,
  },
  {
    argv: ['start', 'web:*'],
    answers: {
      startProcessGroup: ok([
        statusStruct('web', 'web_0', 'SUCCESS'),
        statusStruct('web', 'web_1', 'SPAWN_ERROR'),
      ]),
    },
    stdout: 'web:web_0: started\nweb:web_1: ERROR (spawn error)\n',
    exit: 7,
  },
  {
    argv: ['start', 'nogroup:*'],
    answers: { startProcessGroup: fault('BAD_NAME', 'nogroup') },
    stdout: 'nogroup: ERROR (no such group)\n',
    exit: 2,
  },
  {
    argv: ['start', 'all', 'ignored'],
    answers: {
      startAllProcesses: ok([
        statusStruct('cron', 'cron', 'SUCCESS'),
        statusStruct('w', 'w', 'NO_FILE'),
      ]),
    },
    stdout: 'cron: started\nw: ERROR (no such file)\n',
    exit: 1,
  },
  // Exit statuses are sticky: the last failure decides, successes never reset it.
  {
    argv: ['start', 'a', 'b', 'c'],
    answers: { startProcess: [fault('SPAWN_ERROR', 'a'), fault('BAD_NAME', 'b'), ok(true)] },
    stdout: 'a: ERROR (spawn error)\nb: ERROR (no such process)\nc: started\n',
    exit: 1,
  },
])('$argv', async (row) => {
  await checkCtlCase(row, ['--sequential']);
});

it('requires a name: exit 2 and the help', async () => {
  const run = await runCtl(['start'], { answers: baseAnswers() });
  expect(run.stdout).toMatch(/^Error: start requires a process name\nstart <name>/);
  expect(run.exit).toBe(2);
});

it('checks the connection first', async () => {
  const run = await runCtl(['start'], { answers: baseAnswers({ getVersion: refused() }) });
  expect(run.stdout).toBe('http://localhost:9001 refused connection\n');
  expect(run.exit).toBe(4);
});

it('starts several names concurrently and prints in argument order', async () => {
  let releaseSlow = (): void => undefined;
  const slow = new Promise<FakeReply>((resolve) => {
    releaseSlow = () => resolve(ok(true));
  });
  const fake = fakeCtl({
    answers: baseAnswers({
      startProcess: (params) => (params[0] === 'slow' ? { later: slow } : ok(true)),
    }),
  });
  const run = createProgram(fake.deps).run(['start', 'slow', 'fast']);
  await waitForCalls(fake, 3);
  // The fast call went out while the slow one was still waiting; nothing printed yet.
  expect(fake.rpc.calls.map((c) => c.params[0])).toEqual([undefined, 'slow', 'fast']);
  expect(fake.stdout()).toBe('');
  releaseSlow();
  expect(await run).toBe(0);
  expect(fake.stdout()).toBe('slow: started\nfast: started\n');
});

it('reports a non-fault failure once and stops', async () => {
  const run = await runCtl(['--sequential', 'start', 'a', 'b'], {
    answers: baseAnswers({ startProcess: [refused(), ok(true)] }),
  });
  expect(run.stdout).toBe('error: http://localhost:9001 refused connection\n');
  expect(run.fake.rpc.methods()).toEqual(['getVersion', 'startProcess']);
  expect(run.exit).toBe(1);
});

it('prints per-name results as JSON under --json', async () => {
  const run = await runCtl(['--json', 'start', 'a', 'nogroup:*'], {
    answers: baseAnswers({
      startProcess: fault('SPAWN_ERROR', 'a'),
      startProcessGroup: fault('BAD_NAME', 'nogroup'),
    }),
  });
  expect(JSON.parse(run.stdout)).toEqual([
    {
      action: 'start',
      namespec: 'a',
      name: 'a',
      group: 'a',
      ok: false,
      message: 'spawn error',
      faultCode: 50,
      description: 'SPAWN_ERROR: a',
    },
    {
      action: 'start',
      namespec: 'nogroup:*',
      name: '*',
      group: 'nogroup',
      ok: false,
      message: 'no such group',
      faultCode: 10,
      description: 'BAD_NAME: nogroup',
    },
  ]);
  expect(run.exit).toBe(2);
});
