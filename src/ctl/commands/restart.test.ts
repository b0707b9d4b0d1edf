import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers } from '../../../test/fakes/supervisor-answers.js';

it('stops, then starts the same names, each half checking the connection', async () => {
  const run = await runCtl(['restart', 'grp:quick', 'sleeper'], {
    answers: baseAnswers({
      stopProcess: (params) => (params[0] === 'sleeper' ? ok(true) : fault('NOT_RUNNING', 'q')),
      startProcess: (params) => (params[0] === 'sleeper' ? ok(true) : fault('SPAWN_ERROR', 'q')),
    }),
  });
  expect(run.stdout).toBe(
    'grp:quick: ERROR (not running)\nsleeper: stopped\ngrp:quick: ERROR (spawn error)\nsleeper: started\n',
  );
  expect(run.exit).toBe(7);
  expect(run.fake.rpc.methods()).toEqual([
    'getVersion',
    'getVersion',
    'stopProcess',
    'stopProcess',
    'getVersion',
    'startProcess',
    'startProcess',
  ]);
});

it('requires a name: exit 1 and the help', async () => {
  const run = await runCtl(['restart'], { answers: baseAnswers() });
  expect(run.stdout).toMatch(/^Error: restart requires a process name\nrestart <name>/);
  expect(run.exit).toBe(1);
});

it('puts both halves in one JSON array', async () => {
  const run = await runCtl(['--json', 'restart', 'a'], {
    answers: baseAnswers({ stopProcess: ok(true), startProcess: ok(true) }),
  });
  const results = JSON.parse(run.stdout) as { action: string; message: string }[];
  expect(results.map((r) => `${r.action}:${r.message}`)).toEqual(['stop:stopped', 'start:started']);
});
