import { describe, expect, it } from 'vitest';

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

describe('restart --rolling', () => {
  const result = (name: string, status = 80, description = 'OK') => ({
    name,
    group: 'web',
    status,
    description,
  });

  it('rolls each group through tssupervisor.rollingRestart: one line per process', async () => {
    const run = await runCtl(['restart', '--rolling', 'web:*'], {
      answers: baseAnswers({
        'tssupervisor.rollingRestart': ok([result('web_0'), result('web_1')]),
      }),
    });
    expect(run.stdout).toBe('web:web_0: restarted\nweb:web_1: restarted\n');
    expect(run.exit).toBe(0);
    expect(run.fake.rpc.calls.map((c) => [c.method, ...c.params])).toContainEqual([
      'tssupervisor.rollingRestart',
      'web',
    ]);
    expect(run.fake.rpc.methods()).not.toContain('stopProcessGroup');
  });

  it('stops at the process that did not come back, and at that group', async () => {
    const run = await runCtl(['restart', '--rolling', 'web', 'api'], {
      answers: baseAnswers({
        'tssupervisor.rollingRestart': ok([
          result('web_0'),
          result('web_1', 50, 'SPAWN_ERROR: web:web_1'),
        ]),
      }),
    });
    expect(run.stdout).toBe('web:web_0: restarted\nweb:web_1: ERROR (spawn error)\n');
    expect(run.exit).toBe(7);
    expect(
      run.fake.rpc.calls.filter((c) => c.method === 'tssupervisor.rollingRestart'),
    ).toHaveLength(1);
  });

  it('refuses a single process, says so for an unknown group and for supervisord', async () => {
    const single = await runCtl(['restart', '--rolling', 'web:web_0'], { answers: baseAnswers() });
    expect(single.stdout).toMatch(/^Error: --rolling restarts whole groups/);
    expect(single.exit).toBe(2);

    const unknown = await runCtl(['restart', '--rolling', 'nope'], {
      answers: baseAnswers({ 'tssupervisor.rollingRestart': fault('BAD_NAME', 'nope') }),
    });
    expect(unknown.stdout).toBe('nope: ERROR (no such group)\n');
    expect(unknown.exit).toBe(1);

    const theirs = await runCtl(['restart', '--rolling', 'web'], { answers: baseAnswers() });
    expect(theirs.stdout).toMatch(/cannot roll a restart/);
    expect(theirs.exit).toBe(3);
  });

  it('--json: one entry per process, action restart', async () => {
    const run = await runCtl(['restart', '--rolling', '--json', 'web'], {
      answers: baseAnswers({ 'tssupervisor.rollingRestart': ok([result('web_0')]) }),
    });
    const entries = JSON.parse(run.stdout) as { action: string; namespec: string; ok: boolean }[];
    expect(entries).toEqual([
      expect.objectContaining({ action: 'restart', namespec: 'web:web_0', ok: true }),
    ]);
  });
});
