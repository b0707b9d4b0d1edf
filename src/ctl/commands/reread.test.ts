import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok, refused, type FakeAnswer } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers } from '../../../test/fakes/supervisor-answers.js';

it.each<{ argv: string[]; reloadConfig?: FakeAnswer; stdout: string | RegExp; exit: number }>([
  {
    argv: ['reread'],
    reloadConfig: ok([[['b', 'a'], ['c'], ['d']]]),
    stdout: 'a: available\nb: available\nc: changed\nd: disappeared\n',
    exit: 0,
  },
  {
    argv: ['reread'],
    reloadConfig: ok([[[], [], []]]),
    stdout: 'No config updates to processes\n',
    exit: 0,
  },
  {
    argv: ['reread'],
    reloadConfig: fault('CANT_REREAD', 'bad file'),
    stdout: 'ERROR: CANT_REREAD: bad file\n',
    exit: 1,
  },
  {
    argv: ['reread'],
    reloadConfig: fault('SHUTDOWN_STATE'),
    stdout: 'ERROR: supervisor shutting down\n',
    exit: 1,
  },
  // reread does no connection check: a refused connection is a plain error line.
  {
    argv: ['reread'],
    reloadConfig: refused(),
    stdout: 'error: http://localhost:9001 refused connection\n',
    exit: 1,
  },
  { argv: ['reread', 'x'], stdout: /^Error: reread accepts no arguments\nreread/, exit: 1 },
])('$argv → $stdout', async ({ argv, reloadConfig, stdout, exit }) => {
  const run = await runCtl(argv, {
    answers: baseAnswers(reloadConfig === undefined ? {} : { reloadConfig }),
  });
  if (typeof stdout === 'string') {
    expect(run.stdout).toBe(stdout);
  } else {
    expect(run.stdout).toMatch(stdout);
  }
  expect(run.exit).toBe(exit);
});
