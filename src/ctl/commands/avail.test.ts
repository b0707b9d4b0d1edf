import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers } from '../../../test/fakes/supervisor-answers.js';

const configInfo = (group: string, name: string, inuse: boolean, autostart: boolean) => ({
  name,
  group,
  inuse,
  autostart,
  group_prio: 999,
  process_prio: 999,
  command: 'sleep 1',
});

it('lists every configured process', async () => {
  const run = await runCtl(['avail'], {
    answers: baseAnswers({
      getAllConfigInfo: ok([
        configInfo('g', 'x', true, false),
        configInfo('new', 'new', false, true),
      ]),
    }),
  });
  expect(run.stdout).toBe(
    'g:x                              in use    manual    999:999\n' +
      'new                              avail     auto      999:999\n',
  );
  expect(run.fake.rpc.methods()).toEqual(['getAllConfigInfo']);
});

it.each([
  { argv: ['avail', 'x'], answers: {}, stdout: /^Error: avail accepts no arguments\navail/ },
  {
    argv: ['avail'],
    answers: { getAllConfigInfo: fault('SHUTDOWN_STATE') },
    stdout: /^ERROR: supervisor shutting down\n$/,
  },
])('$argv fails with exit 1', async ({ argv, answers, stdout }) => {
  const run = await runCtl(argv, { answers: baseAnswers(answers) });
  expect(run.stdout).toMatch(stdout);
  expect(run.exit).toBe(1);
});
