import { expect, it } from 'vitest';

import { runCtl } from '../../test/fakes/fake-ctl-deps.js';
import { ok, refused } from '../../test/fakes/fake-rpc-client.js';
import { baseAnswers, processInfo } from '../../test/fakes/supervisor-answers.js';

const answers = baseAnswers({ getAllProcessInfo: ok([processInfo('a', 'STOPPED')]) });
const A = `${'a'.padEnd(33)}STOPPED   Not started\n`;

it('shows the status, then reads commands until EOF; exit 0 regardless', async () => {
  const run = await runCtl([], { answers, lines: ['', 'nope', 'status a'] });
  expect(run.stdout).toBe(
    `${A}supervisor> supervisor> *** Unknown syntax: nope\nsupervisor> ${A}supervisor> \n`,
  );
  expect(run.exit).toBe(0);
});

it('leaves on exit, quit or Ctrl-C, printing an empty line', async () => {
  for (const last of ['exit', 'quit', { kind: 'interrupt' as const }]) {
    const run = await runCtl([], { answers, lines: [last, 'status'] });
    expect(run.stdout).toBe(`${A}supervisor> \n`);
  }
});

it("uses the config file's prompt and history file, and -r over it", async () => {
  const config = {
    ok: true as const,
    file: '/etc/s.conf',
    config: {
      serverUrl: 'unix:///s.sock',
      username: null,
      password: null,
      prompt: 'box',
      historyFile: '/home/u/.hist',
      fleet: [],
    },
  };
  const run = await runCtl(['-c', '/etc/s.conf'], {
    answers,
    configs: { '/etc/s.conf': config },
  });
  expect(run.fake.prompts).toEqual(['box> ']);
  expect(run.fake.terminals[0]?.historyFile).toBe('/home/u/.hist');
  const withR = await runCtl(['-c', '/etc/s.conf', '-r', '/tmp/h'], {
    answers,
    configs: { '/etc/s.conf': config },
  });
  expect(withR.fake.terminals[0]?.historyFile).toBe('/tmp/h');
});

it('stays in the shell when the server is down, and exits 0', async () => {
  const run = await runCtl([], {
    answers: baseAnswers({ getVersion: refused() }),
    lines: ['version'],
  });
  expect(run.stdout).toBe(
    'http://localhost:9001 refused connection\nsupervisor> http://localhost:9001 refused connection\nsupervisor> \n',
  );
  expect(run.exit).toBe(0);
});

it('completes names from one process list per command line', async () => {
  const run = await runCtl([], { answers, lines: ['version'] });
  const completer = run.fake.terminals[0]?.completer;
  expect(await completer?.('start ')).toEqual({ matches: ['a '], word: '' });
  await completer?.('stop a');
  const listings = run.fake.rpc.methods().filter((m) => m === 'getAllProcessInfo');
  // One for the opening status, one (cached) for both completions.
  expect(listings).toHaveLength(2);
});
