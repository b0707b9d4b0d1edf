import { expect, it } from 'vitest';

import { fakeCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers } from '../../../test/fakes/supervisor-answers.js';
import { checkCtlCase, type CtlCase } from '../../../test/fakes/ctl-cases.js';
import { createProgram } from '../program.js';

const log = ok('line 1\nline 2\n');

it.each<CtlCase & { readonly call?: readonly unknown[] }>([
  {
    argv: ['tail', 'web'],
    answers: { readProcessStdoutLog: log },
    stdout: 'line 1\nline 2\n\n',
    exit: 0,
    call: ['readProcessStdoutLog', 'web', -1600, 0],
  },
  {
    argv: ['tail', '-100', 'web', 'STDERR'],
    answers: { readProcessStderrLog: log },
    stdout: 'line 1\nline 2\n\n',
    exit: 0,
    call: ['readProcessStderrLog', 'web', -100, 0],
  },
  {
    argv: ['tail', 'web', 'x', 'stdout'],
    answers: { readProcessStdoutLog: log },
    stdout: 'line 1\nline 2\n\n',
    exit: 0,
  },
  { argv: ['tail', 'web', 'x'], stdout: "Error: bad channel 'x'\n", exit: 1 },
  { argv: ['tail', 'web', "it's"], stdout: 'Error: bad channel "it\'s"\n', exit: 1 },
  { argv: ['tail', '-x', 'web'], stdout: 'Error: bad argument -x\n', exit: 1 },
  { argv: ['tail', '-f'], stdout: 'Error: tail requires process name\n', exit: 1 },
  { argv: ['tail'], stdout: /^Error: too few arguments\ntail /, exit: 1 },
  {
    argv: ['tail', '-f', 'a', 'stdout', 'x'],
    stdout: /^Error: too many arguments\ntail /,
    exit: 1,
  },
  {
    argv: ['tail', 'a'],
    answers: { readProcessStdoutLog: fault('NO_FILE', 'a') },
    stdout: 'a: ERROR (no log file)\n',
    exit: 1,
  },
  {
    argv: ['tail', 'a'],
    answers: { readProcessStdoutLog: fault('FAILED', 'a') },
    stdout: 'a: ERROR (unknown error reading log)\n',
    exit: 1,
  },
  {
    argv: ['tail', 'a'],
    answers: { readProcessStdoutLog: fault('BAD_NAME', 'a') },
    stdout: 'a: ERROR (no such process name)\n',
    exit: 1,
  },
  {
    argv: ['tail', 'a'],
    answers: { readProcessStdoutLog: fault('SHUTDOWN_STATE') },
    stdout: "error: <Fault 6: 'SHUTDOWN_STATE'>\n",
    exit: 1,
  },
])('$argv', async ({ call, ...row }) => {
  const run = await checkCtlCase(row);
  if (call !== undefined) {
    const last = run.fake.rpc.calls.at(-1);
    expect([last?.method.replace('supervisor.', ''), ...(last?.params ?? [])]).toEqual(call);
  }
});

it('follows the log with -f until Ctrl-C', async () => {
  const fake = fakeCtl({ answers: baseAnswers() });
  const run = createProgram(fake.deps).run(['tail', '-f', 'web:web_0', 'stderr']);
  for (let turn = 0; turn < 50 && fake.streams.length === 0; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  const [stream] = fake.streams;
  expect(stream?.request.path).toBe('/logtail/web:web_0/stderr');
  stream?.push('hello\n');
  fake.interrupt();
  expect(await run).toBe(0);
  expect(fake.stdout()).toBe('==> Press Ctrl-C to exit <==\nhello\n\n');
});

it('reports on stderr when the log cannot be followed', async () => {
  const fake = fakeCtl({ answers: baseAnswers() });
  const run = createProgram(fake.deps).run(['-s', 'unix:///s.sock', 'tail', '-f', 'nope']);
  for (let turn = 0; turn < 50 && fake.streams.length === 0; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  fake.streams[0]?.end({ kind: 'http-status', status: 404 });
  expect(await run).toBe(0);
  expect(fake.stdout()).toBe('==> Press Ctrl-C to exit <==\n');
  expect(fake.stderr()).toBe('unix:///s.sock/logtail/nope/stdout Cannot read, status code 404\n');
});
