import { expect, it } from 'vitest';

import { runCtl } from '../../test/fakes/fake-ctl-deps.js';
import { httpStatus, ok } from '../../test/fakes/fake-rpc-client.js';
import { baseAnswers } from '../../test/fakes/supervisor-answers.js';

it.each([
  [['foo', 'bar'], '*** Unknown syntax: foo bar\n'],
  [['!ls'], '*** Unknown syntax: !ls\n'],
  [['--', '-x-'], '*** Unknown syntax: -x-\n'],
])('%j is unknown syntax, exit 1', async (argv, stdout) => {
  const run = await runCtl(argv, {});
  expect([run.stdout, run.exit]).toEqual([stdout, 1]);
});

it('joins the words into one line, as supervisorctl does', async () => {
  const run = await runCtl(['start web', 'cron'], {
    answers: baseAnswers({ startProcess: ok(true) }),
  });
  expect(run.stdout).toBe('web: started\ncron: started\n');
});

it('does nothing for an empty command', async () => {
  const run = await runCtl([''], {});
  expect([run.stdout, run.exit]).toEqual(['', 0]);
});

it('says the server wants credentials, exit 1, without retrying', async () => {
  const run = await runCtl(['status'], {
    answers: baseAnswers({ getVersion: httpStatus(401, 'Unauthorized') }),
  });
  expect([run.stdout, run.exit]).toEqual(['Server requires authentication\n', 1]);
  expect(run.fake.rpc.methods()).toEqual(['getVersion']);
});

it('asks for credentials in the shell and retries with them', async () => {
  const run = await runCtl([], {
    answers: baseAnswers({
      getVersion: [httpStatus(401, 'Unauthorized'), ok('3.0')],
      getAllProcessInfo: ok([]),
    }),
    lines: ['alice', 's3cret'],
  });
  expect(run.fake.prompts).toEqual(['Username:', 'Password:', 'supervisor> ']);
  expect(run.fake.targets.map((t) => [t.username, t.password])).toEqual([
    [null, null],
    ['alice', 's3cret'],
  ]);
  expect(run.stdout).toBe('Server requires authentication\nUsername:Password:\nsupervisor> \n');
  expect(run.exit).toBe(0);
});

it('reports an unknown URL scheme on one line', async () => {
  const run = await runCtl(['-s', 'ftp://x', 'status'], {
    connectError: 'Unknown protocol for serverurl ftp://x',
  });
  expect([run.stdout, run.exit]).toEqual(['error: Unknown protocol for serverurl ftp://x\n', 1]);
});

it('sends diagnostics to stderr under --json, keeping stdout for the document', async () => {
  const run = await runCtl(['--json', 'status'], {
    answers: baseAnswers({ getVersion: httpStatus(500, 'Internal Server Error') }),
  });
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe('error: http://localhost:9001 answered HTTP 500 Internal Server Error\n');
  expect(run.exit).toBe(1);
});
