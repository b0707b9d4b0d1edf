import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers, statusStruct } from '../../../test/fakes/supervisor-answers.js';

const answers = (changes: [string[], string[], string[]], stopFails = false) =>
  baseAnswers({
    reloadConfig: ok([changes]),
    stopProcessGroup: (params) =>
      ok(stopFails ? [statusStruct(params[0] as string, 'p', 'FAILED')] : []),
    removeProcessGroup: ok(true),
    addProcessGroup: ok(true),
  });

it('removes, updates and adds groups, in that order', async () => {
  const run = await runCtl(['update'], { answers: answers([['new'], ['changed'], ['gone']]) });
  expect(run.stdout).toBe(
    'gone: stopped\ngone: removed process group\n' +
      'changed: stopped\nchanged: updated process group\n' +
      'new: added process group\n',
  );
  expect(run.fake.rpc.methods()).toEqual([
    'reloadConfig',
    'stopProcessGroup',
    'removeProcessGroup',
    'stopProcessGroup',
    'removeProcessGroup',
    'addProcessGroup',
    'addProcessGroup',
  ]);
  expect(run.exit).toBe(0);
});

it('keeps a group whose processes failed to stop', async () => {
  const run = await runCtl(['update'], { answers: answers([[], [], ['gone']], true) });
  expect(run.stdout).toBe('gone: stopped\ngone: has problems; not removing\n');
  expect(run.exit).toBe(1);
});

it('does nothing, silently, when nothing changed', async () => {
  const run = await runCtl(['update', 'all'], { answers: answers([[], [], []]) });
  expect([run.stdout, run.exit]).toEqual(['', 0]);
});

it('restricts the work to named groups and reports unknown ones', async () => {
  const run = await runCtl(['update', 'new', 'nope', 'web'], {
    answers: answers([['new', 'other'], ['web'], []]),
  });
  expect(run.stdout).toBe(
    'ERROR: no such group: nope\nweb: stopped\nweb: updated process group\nnew: added process group\n',
  );
  expect(run.exit).toBe(1);
});

it('says so when supervisord is shutting down', async () => {
  const run = await runCtl(['update'], {
    answers: baseAnswers({ reloadConfig: fault('SHUTDOWN_STATE') }),
  });
  expect([run.stdout, run.exit]).toEqual(['ERROR: already shutting down\n', 1]);
});
