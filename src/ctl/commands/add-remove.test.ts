import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok, type FakeReply } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers } from '../../../test/fakes/supervisor-answers.js';

it.each<{ reply: FakeReply; stdout: string; exit: number }>([
  { reply: ok(true), stdout: 'g: added process group\n', exit: 0 },
  { reply: fault('ALREADY_ADDED', 'g'), stdout: 'ERROR: process group already active\n', exit: 0 },
  { reply: fault('BAD_NAME', 'g'), stdout: 'ERROR: no such process/group: g\n', exit: 1 },
  { reply: fault('SHUTDOWN_STATE'), stdout: 'ERROR: shutting down\n', exit: 1 },
  { reply: fault('FAILED', 'x'), stdout: "error: <Fault 30: 'FAILED: x'>\n", exit: 1 },
])('add → $stdout', async ({ reply, stdout, exit }) => {
  const run = await runCtl(['add', 'g'], { answers: baseAnswers({ addProcessGroup: reply }) });
  expect([run.stdout, run.exit]).toEqual([stdout, exit]);
});

it.each<{ reply: FakeReply; stdout: string; exit: number }>([
  { reply: ok(true), stdout: 'g: removed process group\n', exit: 0 },
  {
    reply: fault('STILL_RUNNING', 'g'),
    stdout: 'ERROR: process/group still running: g\n',
    exit: 1,
  },
  { reply: fault('BAD_NAME', 'g'), stdout: 'ERROR: no such process/group: g\n', exit: 1 },
])('remove → $stdout', async ({ reply, stdout, exit }) => {
  const run = await runCtl(['remove', 'g'], {
    answers: baseAnswers({ removeProcessGroup: reply }),
  });
  expect([run.stdout, run.exit]).toEqual([stdout, exit]);
});

it('acts on each name in turn, and on none without names', async () => {
  const run = await runCtl(['add', 'a', 'b'], {
    answers: baseAnswers({ addProcessGroup: [ok(true), fault('BAD_NAME', 'b')] }),
  });
  expect(run.stdout).toBe('a: added process group\nERROR: no such process/group: b\n');
  const none = await runCtl(['remove'], { answers: baseAnswers() });
  expect([none.stdout, none.exit, none.fake.rpc.calls]).toEqual(['', 0, []]);
});
