import { expect, it } from 'vitest';

import { fakeCtl, runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok, type FakeAnswer } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers, processInfo } from '../../../test/fakes/supervisor-answers.js';
import { createProgram } from '../program.js';

const running = ok(processInfo('cat', 'RUNNING'));

it.each<{ argv: string[]; getProcessInfo?: FakeAnswer; stdout: string | RegExp; exit: number }>([
  { argv: ['fg'], stdout: /^ERROR: no process name supplied\nfg /, exit: 1 },
  { argv: ['fg', 'a', 'b'], stdout: 'ERROR: too many process names supplied\n', exit: 1 },
  {
    argv: ['fg', 'x'],
    getProcessInfo: fault('BAD_NAME', 'x'),
    stdout: 'ERROR: bad process name supplied\n',
    exit: 1,
  },
  {
    argv: ['fg', 'x'],
    getProcessInfo: ok(processInfo('x', 'STOPPED')),
    stdout: 'ERROR: process not running\n',
    exit: 1,
  },
  // Any other fault is shown, with the exit status left alone (as supervisorctl does).
  {
    argv: ['fg', 'x'],
    getProcessInfo: fault('FAILED', 'x'),
    stdout: "ERROR: <Fault 30: 'FAILED: x'>\n",
    exit: 0,
  },
])('$argv', async ({ argv, getProcessInfo, stdout, exit }) => {
  const run = await runCtl(argv, {
    answers: baseAnswers(getProcessInfo === undefined ? {} : { getProcessInfo }),
  });
  if (typeof stdout === 'string') {
    expect(run.stdout).toBe(stdout);
  } else {
    expect(run.stdout).toMatch(stdout);
  }
  expect(run.exit).toBe(exit);
});

it('forwards typed lines to stdin and streams both channels until input ends', async () => {
  const run = await runCtl(['fg', 'cat'], {
    answers: baseAnswers({ getProcessInfo: running, sendProcessStdin: ok(true) }),
    lines: ['hello', 'world'],
  });
  expect(run.fake.streams.map((s) => s.request.path)).toEqual([
    '/logtail/cat/stdout',
    '/logtail/cat/stderr',
  ]);
  expect(
    run.fake.rpc.calls.filter((c) => c.method.endsWith('sendProcessStdin')).map((c) => c.params),
  ).toEqual([
    ['cat', 'hello\n'],
    ['cat', 'world\n'],
  ]);
  expect(run.stdout).toBe('==> Press Ctrl-C to exit <==\nExiting foreground\n');
  expect(run.exit).toBe(0);
});

it('notices the process went away', async () => {
  const run = await runCtl(['fg', 'cat'], {
    answers: baseAnswers({
      getProcessInfo: [running, ok(processInfo('cat', 'EXITED'))],
      sendProcessStdin: ok(true),
    }),
    lines: ['bye'],
  });
  expect(run.stdout).toBe('==> Press Ctrl-C to exit <==\nProcess got killed\nExiting foreground\n');
  const refused = await runCtl(['fg', 'cat'], {
    answers: baseAnswers({
      getProcessInfo: running,
      sendProcessStdin: fault('NOT_RUNNING', 'cat'),
    }),
    lines: ['x'],
  });
  expect(refused.stdout).toContain('Process got killed\nExiting foreground\n');
});

it('detaches on Ctrl-C, showing what the process printed', async () => {
  const fake = fakeCtl({ answers: baseAnswers({ getProcessInfo: running }), holdInput: true });
  const done = createProgram(fake.deps).run(['fg', 'cat']);
  for (let turn = 0; turn < 50 && fake.streams.length < 2; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  fake.streams[0]?.push('out\n');
  fake.streams[1]?.push('err\n');
  fake.interrupt();
  expect(await done).toBe(0);
  expect(fake.stdout()).toBe('==> Press Ctrl-C to exit <==\nout\nerr\nExiting foreground\n');
});
