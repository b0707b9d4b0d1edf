import { expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { ok, refused } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers } from '../../../test/fakes/supervisor-answers.js';

it('prints the remote version after the connection check', async () => {
  const run = await runCtl(['version'], { answers: baseAnswers() });
  expect([run.stdout, run.exit]).toEqual(['4.2.5\n', 0]);
  expect(run.fake.rpc.methods()).toEqual(['getVersion', 'getSupervisorVersion']);
  const bad = await runCtl(['version', 'x'], { answers: baseAnswers() });
  expect(bad.stdout).toMatch(/^Error: version accepts no arguments\nversion/);
  expect(bad.exit).toBe(1);
});

it('opens another server, shows its status and keeps the exit status', async () => {
  const run = await runCtl(['open', 'unix:///other.sock'], {
    answers: baseAnswers({ getAllProcessInfo: ok([]) }),
  });
  expect(run.fake.targets.map((t) => t.serverUrl)).toEqual(['unix:///other.sock']);
  expect([run.stdout, run.exit]).toEqual(['', 0]);
  const down = await runCtl(['open', 'http://h:1'], {
    answers: baseAnswers({ getVersion: refused() }),
  });
  expect([down.stdout, down.exit]).toEqual(['http://h:1 refused connection\n', 0]);
});

it('refuses URLs that are not http:// or unix://', async () => {
  const run = await runCtl(['open', 'ftp://x'], { answers: baseAnswers() });
  expect([run.stdout, run.exit]).toEqual(['ERROR: url must be http:// or unix://\n', 1]);
});

it('lists the commands as supervisorctl lays them out', async () => {
  const run = await runCtl(['help'], {});
  expect(run.stdout).toBe(
    '\ndefault commands (type help <topic>):\n=====================================\n' +
      'add    exit      open  reload  restart   start   tail   \n' +
      'avail  fg        pid   remove  shutdown  status  update \n' +
      'clear  maintail  quit  reread  signal    stop    version\n\n',
  );
  expect(run.exit).toBe(0);
  expect((await runCtl(['?'], {})).stdout).toBe(run.stdout);
});

it('helps on one command, on help itself, and says when there is none', async () => {
  expect((await runCtl(['help', 'start'], {})).stdout).toMatch(/^start <name>/);
  expect((await runCtl(['help', 'help'], {})).stdout.split('\n')).toHaveLength(3);
  for (const topic of ['nope', 'EOF', 'start stop']) {
    const run = await runCtl(['help', topic], {});
    expect([run.stdout, run.exit]).toEqual([`*** No help on ${topic}\n`, 0]);
  }
});

it('prints an empty line for exit and quit', async () => {
  for (const verb of ['exit', 'quit']) {
    const run = await runCtl([verb], {});
    expect([run.stdout, run.exit]).toEqual(['\n', 0]);
  }
});
