import { expect, it } from 'vitest';

import { fault, ok, refused, socketMissing } from '../../../test/fakes/fake-rpc-client.js';
import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { baseAnswers, processInfo } from '../../../test/fakes/supervisor-answers.js';
import { encodeProcessHealth } from '../../protocol/process-health.js';
import { encodeProcessStats } from '../../protocol/process-stats.js';

const row = (name: string, state: string, description: string) =>
  `${name.padEnd(33)}${state.padEnd(10)}${description}\n`;

const CRON = row('cron', 'EXITED', 'Nov 21 12:38 AM');
const WEB0 = row('web:web_0', 'RUNNING', 'pid 101, uptime 0:01:02');
const WEB1 = row('web:web_1', 'RUNNING', 'pid 102, uptime 0:01:02');
const WORKER = row('worker', 'STOPPED', 'Not started');

it.each([
  { argv: ['status'], stdout: CRON + WEB0 + WEB1 + WORKER, exit: 3 },
  { argv: ['status', 'all', 'nope'], stdout: CRON + WEB0 + WEB1 + WORKER, exit: 3 },
  { argv: ['status', 'web:*'], stdout: WEB0 + WEB1, exit: 0 },
  { argv: ['status', 'web:'], stdout: WEB0 + WEB1, exit: 0 },
  { argv: ['status', 'web:web_1', 'cron'], stdout: WEB1 + CRON, exit: 3 },
  {
    argv: ['status', 'nope', 'web', 'bad:', 'web:web_0'],
    stdout:
      'nope: ERROR (no such process)\nweb: ERROR (no such process)\n' +
      'bad: ERROR (no such group)\n' +
      WEB0,
    exit: 4,
  },
  // A stopped process among the shown ones wins over the unknown name.
  {
    argv: ['status', 'nope', 'worker'],
    stdout: 'nope: ERROR (no such process)\n' + WORKER,
    exit: 3,
  },
  { argv: ['status:x'], stdout: ':x: ERROR (no such process)\n', exit: 4 },
])('status $argv', async ({ argv, stdout, exit }) => {
  const run = await runCtl(argv, { answers: baseAnswers() });
  expect(run.stdout).toBe(stdout);
  expect(run.exit).toBe(exit);
  expect(run.fake.rpc.methods()).toEqual(['getVersion', 'getAllProcessInfo']);
});

it('prints nothing and exits 0 when there are no processes', async () => {
  const run = await runCtl(['status'], { answers: baseAnswers({ getAllProcessInfo: ok([]) }) });
  expect([run.stdout, run.exit]).toEqual(['', 0]);
});

it('counts BACKOFF, STARTING and STOPPING as running', async () => {
  const run = await runCtl(['status'], {
    answers: baseAnswers({
      getAllProcessInfo: ok([
        processInfo('a', 'BACKOFF', { description: 'Exited too quickly' }),
        processInfo('b', 'STARTING'),
        processInfo('c', 'STOPPING'),
      ]),
    }),
  });
  expect(run.exit).toBe(0);
  expect(run.stdout).toBe(
    row('a', 'BACKOFF', 'Exited too quickly') + row('b', 'STARTING', '') + row('c', 'STOPPING', ''),
  );
});

it.each([
  { getVersion: refused(), stdout: 'unix:///run/s.sock refused connection\n' },
  { getVersion: socketMissing(), stdout: 'unix:///run/s.sock no such file\n' },
  { getVersion: ok('2.0'), stdout: expect.stringContaining('remote version is 2.0.') as unknown },
  {
    getVersion: fault('UNKNOWN_METHOD'),
    stdout: expect.stringContaining('[rpcinterface:supervisor]') as unknown,
  },
])('exits 4 whenever the connection check fails', async ({ getVersion, stdout }) => {
  const run = await runCtl(['-s', 'unix:///run/s.sock', 'status'], {
    answers: baseAnswers({ getVersion }),
  });
  expect(run.stdout).toEqual(stdout);
  expect(run.exit).toBe(4);
});

it('prints JSON under --json, unknown names on stderr', async () => {
  const run = await runCtl(['--json', 'status', 'web:web_0', 'nope'], { answers: baseAnswers() });
  expect(run.stderr).toBe('nope: ERROR (no such process)\n');
  expect(JSON.parse(run.stdout)).toEqual([
    {
      namespec: 'web:web_0',
      name: 'web_0',
      group: 'web',
      state: 'RUNNING',
      statecode: 20,
      pid: 101,
      description: 'pid 101, uptime 0:01:02',
      start: 1_700_000_000,
      stop: 0,
      now: 1_700_000_062,
      exitstatus: 0,
      spawnerr: '',
      stdout_logfile: '/var/log/web_0.log',
      stderr_logfile: '',
      // supervisord has no tssupervisor.* methods
      health: null,
      stats: null,
    },
  ]);
  expect(run.exit).toBe(4);
});

it('--json carries our health and stats figures when the server has them', async () => {
  const health = encodeProcessHealth({
    name: 'web_0',
    group: 'web',
    state: 'RUNNING',
    readiness: 'ready',
    liveness: 'ok',
    probeFailures: 0,
    waitingFor: null,
    restartInMs: null,
    dependsOn: ['db:ready'],
    reason: null,
  });
  const stats = encodeProcessStats(
    { name: 'web_0', group: 'web', pid: 101 },
    { cpuPercent: 2.5, rssBytes: 10 * 1024 * 1024, processCount: 3, cpuSeconds: 4 },
    4,
  );
  const run = await runCtl(['status', '--json', 'web:web_0'], {
    answers: baseAnswers({
      'tssupervisor.getProcessHealth': ok([health]),
      'tssupervisor.getProcessStats': ok([stats]),
    }),
  });
  const [row] = JSON.parse(run.stdout) as Record<string, unknown>[];
  expect(row?.['health']).toEqual({
    readiness: 'ready',
    liveness: 'ok',
    probe_failures: 0,
    waiting_for: '',
    restart_in: null,
    depends_on: ['db:ready'],
    reason: '',
  });
  expect(row?.['stats']).toEqual({ cpu_percent: 2.5, rss_kb: 10240, processes: 3, restarts: 4 });
  expect(run.exit).toBe(0);
});

it('reports a malformed answer on one line', async () => {
  const run = await runCtl(['status'], {
    answers: baseAnswers({ getAllProcessInfo: ok([{ name: 'x' }]) }),
  });
  expect(run.stdout).toBe(
    'error: unexpected answer to getAllProcessInfo: field group is not a string\n',
  );
  expect(run.exit).toBe(1);
});

it('takes --json after the verb too (`status --json web`)', async () => {
  const before = await runCtl(['--json', 'status', 'web:web_0', 'nope'], {
    answers: baseAnswers(),
  });
  const after = await runCtl(['status', '--json', 'web:web_0', 'nope'], { answers: baseAnswers() });
  expect([after.exit, after.stdout, after.stderr]).toEqual([
    before.exit,
    before.stdout,
    before.stderr,
  ]);
});

it('does not take --json after a verb without JSON output (it is a name there)', async () => {
  const run = await runCtl(['pid', '--json'], { answers: baseAnswers() });
  expect(run.stdout).not.toMatch(/^[[{]/);
  expect(run.exit).not.toBe(0);
});
