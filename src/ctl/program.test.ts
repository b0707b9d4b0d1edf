import { expect, it } from 'vitest';

import { runCtl } from '../../test/fakes/fake-ctl-deps.js';
import { baseAnswers } from '../../test/fakes/supervisor-answers.js';

it.each([
  [['-x'], 'option -x not recognized'],
  [['-s', 'foo', 'status'], "invalid value for -s 'foo': value 'foo' is not a URL"],
  [['-c'], 'option -c requires argument'],
  [['-c', '/nope.conf', 'status'], 'could not find config file /nope.conf'],
])('%j is a usage error: stderr, exit 2', async (argv, message) => {
  const run = await runCtl(argv, {});
  expect(run.stderr).toBe(`Error: ${message}\nFor help, use /usr/bin/tssupervisorctl -h\n`);
  expect([run.stdout, run.exit]).toEqual(['', 2]);
});

it('refuses a config file without [supervisorctl]', async () => {
  const run = await runCtl(['status'], {
    configFile: '/etc/supervisord.conf',
    configs: {
      '/etc/supervisord.conf': {
        ok: false,
        problem: 'no-section',
        errors: [
          {
            file: '/etc/supervisord.conf',
            line: null,
            section: null,
            option: null,
            value: null,
            message: '.ini file does not include supervisorctl section',
          },
        ],
      },
    },
  });
  expect(run.stderr).toMatch(/^Error: \.ini file does not include supervisorctl section\n/);
  expect(run.exit).toBe(2);
});

it('prints the usage on -h, and runs nothing', async () => {
  const run = await runCtl(['-h', 'status'], { answers: baseAnswers() });
  expect(run.stdout).toMatch(/^tssupervisorctl: control the processes/);
  expect(run.stdout).toContain('Usage: /usr/bin/tssupervisorctl [options]');
  expect([run.exit, run.fake.rpc.calls]).toEqual([0, []]);
});

it('prints the versions on --version without a config or a connection', async () => {
  const run = await runCtl(['--version', 'status'], {});
  expect([run.stdout, run.stderr, run.exit]).toEqual(['4.2.5 (tssupervisor 0.0.0-test)\n', '', 0]);
  expect(run.fake.targets).toEqual([]);
});

it('connects with the URL and credentials from the command line', async () => {
  const run = await runCtl(['-s', 'http://h:9', '-u', 'u', '-p', 'p', 'version'], {
    answers: baseAnswers(),
  });
  expect(run.fake.targets).toEqual([{ serverUrl: 'http://h:9', username: 'u', password: 'p' }]);
});

it('does not start the shell for -i with a command (as supervisorctl 4.2.5)', async () => {
  const run = await runCtl(['-i', 'version'], { answers: baseAnswers(), lines: ['status'] });
  expect([run.stdout, run.fake.prompts]).toEqual(['4.2.5\n', []]);
});
