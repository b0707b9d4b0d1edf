import { describe, expect, it } from 'vitest';

import { supervisorApi } from '../protocol/supervisor-api.js';
import {
  fakeRpcClient,
  fault,
  ok,
  refused,
  type FakeAnswer,
} from '../../test/fakes/fake-rpc-client.js';
import { runCommand } from './command-runner.js';
import type { ProcessCommand } from './commands.js';

const SERVER = 'unix:///run/supervisor.sock';

const status = (group: string, name: string, code = 80, description = 'OK') => ({
  name,
  group,
  status: code,
  description,
});

const run = async (command: ProcessCommand, answers: Record<string, FakeAnswer>) => {
  const rpc = fakeRpcClient(answers);
  const outcome = await runCommand(supervisorApi(rpc.client), command, SERVER);
  return { outcome, methods: rpc.methods() };
};

const web = { kind: 'process', host: '', namespec: 'web' } as const;
const api = { kind: 'group', host: '', group: 'api', members: ['api:api_0', 'api:api_1'] } as const;

describe('running a command', () => {
  it.each([
    ['start', { startProcess: ok(true) }, { ok: true, text: 'web: started' }],
    [
      'start',
      { startProcess: fault('SPAWN_ERROR', 'web') },
      { ok: false, text: 'web: ERROR (spawn error)' },
    ],
    [
      'stop',
      { stopProcess: fault('NOT_RUNNING', 'web') },
      { ok: false, text: 'web: ERROR (not running)' },
    ],
    ['clear', { clearProcessLogs: ok(true) }, { ok: true, text: 'web: cleared' }],
  ] as const)('%s one process: supervisorctl’s words', async (verb, answers, outcome) => {
    expect((await run({ verb, target: web }, answers)).outcome).toEqual(outcome);
  });

  it('restart: stop (not running is fine), then start', async () => {
    const { outcome, methods } = await run(
      { verb: 'restart', target: web },
      { stopProcess: fault('NOT_RUNNING', 'web'), startProcess: ok(true) },
    );
    expect(methods).toEqual(['stopProcess', 'startProcess']);
    expect(outcome).toEqual({ ok: true, text: 'web: restarted' });
  });

  it('a group: a count, or the count and the first failure', async () => {
    expect(
      (
        await run(
          { verb: 'start', target: api },
          { startProcessGroup: ok([status('api', 'api_0'), status('api', 'api_1')]) },
        )
      ).outcome,
    ).toEqual({ ok: true, text: 'api:*: 2 started' });
    expect(
      (
        await run(
          { verb: 'stop', target: api },
          {
            stopProcessGroup: ok([
              status('api', 'api_0'),
              status('api', 'api_1', 70, 'NOT_RUNNING: api:api_1'),
            ]),
          },
        )
      ).outcome,
    ).toEqual({ ok: false, text: 'api:*: 1 stopped, 1 failed: api:api_1: ERROR (not running)' });
    expect(
      (await run({ verb: 'start', target: api }, { startProcessGroup: ok([]) })).outcome,
    ).toEqual({
      ok: true,
      text: 'api:*: nothing to start',
    });
  });

  it('signals and clears a group, restarts all', async () => {
    const signalled = await run(
      { verb: 'signal', target: api, signal: 'HUP' },
      { signalProcessGroup: ok([status('api', 'api_0'), status('api', 'api_1')]) },
    );
    expect(signalled.outcome.text).toBe('api:*: 2 signalled');
    const cleared = await run({ verb: 'clear', target: api }, { clearProcessLogs: ok(true) });
    expect(cleared.methods).toEqual(['clearProcessLogs', 'clearProcessLogs']);
    expect(cleared.outcome.text).toBe('api:*: 2 cleared');
    const all = await run(
      { verb: 'restart', target: { kind: 'all' } },
      {
        stopAllProcesses: ok([status('web', 'web')]),
        startAllProcesses: ok([status('web', 'web')]),
      },
    );
    expect(all.outcome).toEqual({ ok: true, text: 'all: 1 restarted' });
  });

  it('update: reread, then remove, re-add and add groups, as supervisorctl does', async () => {
    const { outcome, methods } = await run(
      { verb: 'update' },
      {
        reloadConfig: ok([[['new'], ['changed'], ['gone']]]),
        stopProcessGroup: ok([]),
        removeProcessGroup: ok(true),
        addProcessGroup: ok(true),
      },
    );
    expect(methods).toEqual([
      'reloadConfig',
      'stopProcessGroup',
      'removeProcessGroup',
      'stopProcessGroup',
      'removeProcessGroup',
      'addProcessGroup',
      'addProcessGroup',
    ]);
    expect(outcome).toEqual({ ok: true, text: 'update: added new; changed changed; removed gone' });
    expect((await run({ verb: 'update' }, { reloadConfig: ok([[[], [], []]]) })).outcome.text).toBe(
      'No config updates to processes',
    );
  });

  it('never rejects: a lost connection is an outcome too', async () => {
    expect(
      (await run({ verb: 'start', target: web }, { startProcess: refused(SERVER) })).outcome,
    ).toEqual({
      ok: false,
      text: `web: ERROR (${SERVER} refused connection)`,
    });
  });
});
