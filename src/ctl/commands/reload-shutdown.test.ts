import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import {
  fault,
  ok,
  refused,
  socketMissing,
  type FakeReply,
} from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers } from '../../../test/fakes/supervisor-answers.js';

const URL = 'unix:///run/s.sock';

it.each<{ reply: FakeReply; stdout: string; exit: number }>([
  { reply: ok(true), stdout: 'Shut down\n', exit: 0 },
  // Already shutting down is success for shutdown.
  { reply: fault('SHUTDOWN_STATE'), stdout: 'ERROR: already shutting down\n', exit: 0 },
  { reply: refused(), stdout: `ERROR: ${URL} refused connection (already shut down?)\n`, exit: 1 },
  { reply: socketMissing(), stdout: `ERROR: ${URL} no such file (already shut down?)\n`, exit: 1 },
])('shutdown → $stdout', async ({ reply, stdout, exit }) => {
  const run = await runCtl(['-s', URL, 'shutdown'], { answers: baseAnswers({ shutdown: reply }) });
  expect([run.stdout, run.exit]).toEqual([stdout, exit]);
});

it.each<{ reply: FakeReply; stdout: string; exit: number }>([
  { reply: ok(true), stdout: 'Restarted supervisord\n', exit: 0 },
  { reply: fault('SHUTDOWN_STATE'), stdout: 'ERROR: already shutting down\n', exit: 1 },
])('reload → $stdout', async ({ reply, stdout, exit }) => {
  const run = await runCtl(['reload'], { answers: baseAnswers({ restart: reply }) });
  expect([run.stdout, run.exit]).toEqual([stdout, exit]);
});

it.each(['reload', 'shutdown'])('%s accepts no arguments', async (verb) => {
  const run = await runCtl([verb, 'now'], { answers: baseAnswers() });
  expect(run.stdout).toMatch(new RegExp(`^Error: ${verb} accepts no arguments\\n${verb}`));
  expect(run.exit).toBe(1);
  expect(run.fake.rpc.calls).toEqual([]);
});

it('asks first in the shell, and only a y answer goes ahead', async () => {
  const run = await runCtl([], {
    answers: baseAnswers({ shutdown: ok(true), restart: ok(true), getAllProcessInfo: ok([]) }),
    lines: ['shutdown', 'n', 'reload', 'Yes', 'shutdown', ''],
  });
  expect(run.fake.prompts).toEqual([
    'supervisor> ',
    'Really shut the remote supervisord process down y/N? ',
    'supervisor> ',
    'Really restart the remote supervisord process y/N? ',
    'supervisor> ',
    'Really shut the remote supervisord process down y/N? ',
    'supervisor> ',
  ]);
  expect(run.fake.rpc.methods().filter((m) => m === 'shutdown' || m === 'restart')).toEqual([
    'restart',
  ]);
  expect(run.stdout).toContain('Restarted supervisord\n');
});
