// tssupervisorctl addressing a fleet of three real daemons (two on unix sockets, one over TCP
// with basic auth): status with a host column, start/stop/restart by host:name and across the
// fleet, --json, and one daemon stopped mid-test (shown DOWN, non-zero exit, the others still
// answering), then started again in place and back in the fleet; restart --rolling host by host.

import { writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { runOurs, type ProcessRun } from '../fakes/ctl-runner.js';
import {
  baseConfig,
  foreverProgram,
  startDaemon,
  type RunningDaemon,
} from '../helpers/daemon-harness.js';
import { freePort } from '../helpers/ports.js';
import { daemonPool } from '../helpers/daemon-pool.js';
import { waitFor } from '../helpers/wait-for.js';

const pool = daemonPool();
afterEach(() => pool.cleanup());
const { track } = pool;

const PROGRAMS =
  foreverProgram('app') +
  foreverProgram('web', 'numprocs=2\nprocess_name=%(program_name)s_%(process_num)d');

const inetSection = (port: number) => `
[inet_http_server]
port=127.0.0.1:${port}
username=ops
password=s3cret
`;

interface Fleet {
  readonly daemons: readonly [RunningDaemon, RunningDaemon, RunningDaemon];
  readonly port: number;
  readonly config: string;
  /** web3's config, to start it again in place */
  readonly web3Config: string;
}

const startFleet = async (): Promise<Fleet> => {
  const port = await freePort();
  const web3Config = baseConfig(PROGRAMS);
  const daemons = [
    track(startDaemon(baseConfig(PROGRAMS + foreverProgram('only1')))),
    track(startDaemon(baseConfig(PROGRAMS + inetSection(port)))),
    track(startDaemon(web3Config)),
  ] as const;
  const ctlDir = pool.tempDir('tss-fleet-');
  const config = ctlDir.join('ctl.conf');
  const [web1, , web3] = daemons;
  writeFileSync(
    config,
    [
      '[supervisorctl]',
      `serverurl=unix://${web1.dir.join('supervisor.sock')}`,
      '[supervisorctl:web1]',
      `serverurl=unix://${web1.dir.join('supervisor.sock')}`,
      '[supervisorctl:web2]',
      `serverurl=http://127.0.0.1:${port}`,
      'username=ops',
      'password=s3cret',
      '[supervisorctl:web3]',
      `serverurl=unix://${web3.dir.join('supervisor.sock')}`,
      '',
    ].join('\n'),
  );
  const fleet = { daemons, port, config, web3Config };
  await waitUntil(fleet, ['status'], (run) => run.exit === 0, 'every process of the fleet RUNNING');
  return fleet;
};

const ctl = (fleet: Fleet, args: readonly string[]): Promise<ProcessRun> =>
  runOurs(['-c', fleet.config, ...args]);

const waitUntil = (
  fleet: Fleet,
  args: readonly string[],
  done: (run: ProcessRun) => boolean,
  what: string,
): Promise<ProcessRun> => {
  let last: ProcessRun | undefined;
  return waitFor(
    async () => {
      last = await ctl(fleet, args);
      return done(last) && last;
    },
    { timeoutMs: 20_000, intervalMs: 100, what: `${what}; last output:\n${last?.stdout ?? ''}` },
  );
};

/** The status rows as [host, name, state], ignoring pids and uptimes. */
const rows = (stdout: string): string[][] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/).slice(0, 3));

describe('a fleet of three daemons', () => {
  it('shows, starts, stops and restarts across them, and survives one going away', async () => {
    const fleet = await startFleet();
    const web3Socket = `unix://${fleet.daemons[2].dir.join('supervisor.sock')}`;

    const status = await ctl(fleet, ['status']);
    expect(rows(status.stdout)).toEqual([
      ['web1', 'app', 'RUNNING'],
      ['web1', 'only1', 'RUNNING'],
      ['web1', 'web:web_0', 'RUNNING'],
      ['web1', 'web:web_1', 'RUNNING'],
      ['web2', 'app', 'RUNNING'],
      ['web2', 'web:web_0', 'RUNNING'],
      ['web2', 'web:web_1', 'RUNNING'],
      ['web3', 'app', 'RUNNING'],
      ['web3', 'web:web_0', 'RUNNING'],
      ['web3', 'web:web_1', 'RUNNING'],
    ]);
    expect(status.stdout).toMatch(/^web1 {2}app {30}RUNNING {3}pid \d+, uptime /);

    // host:name reaches one daemon; a plain name every daemon that has it.
    expect(await ctl(fleet, ['stop', 'web2:app', 'web3:web:*'])).toMatchObject({
      stdout: 'web2:app: stopped\nweb3:web:web_0: stopped\nweb3:web:web_1: stopped\n',
      exit: 0,
    });
    expect(rows((await ctl(fleet, ['status', 'app', 'web3:web:*'])).stdout)).toEqual([
      ['web1', 'app', 'RUNNING'],
      ['web2', 'app', 'STOPPED'],
      ['web3', 'app', 'RUNNING'],
      ['web3', 'web:web_0', 'STOPPED'],
      ['web3', 'web:web_1', 'STOPPED'],
    ]);
    expect(await ctl(fleet, ['start', 'app', 'only1', 'web:*'])).toMatchObject({
      stdout: [
        'web1:app: ERROR (already started)',
        'web1:only1: ERROR (already started)',
        'web2:app: started',
        'web3:app: ERROR (already started)',
        'web3:web:web_0: started',
        'web3:web:web_1: started',
        '',
      ].join('\n'),
      exit: 0,
    });

    // web3 goes away mid-test: shown DOWN with why, a non-zero exit; web1 and web2 still answer.
    await fleet.daemons[2].stop();
    const down = await ctl(fleet, ['status', 'app']);
    expect(rows(down.stdout)).toEqual([
      ['web1', 'app', 'RUNNING'],
      ['web2', 'app', 'RUNNING'],
      ['web3', '*', 'DOWN'],
    ]);
    expect(down.stdout).toContain(`DOWN      ${web3Socket} no such file\n`);
    expect(down.exit).toBe(4);
    const restart = await ctl(fleet, ['restart', 'app']);
    expect(restart.stdout).toBe(
      'web1:app: stopped\nweb1:app: started\nweb2:app: stopped\nweb2:app: started\n' +
        `web3: ERROR (down: ${web3Socket} no such file)\n`,
    );
    expect(restart.exit).toBe(7);
    const json = await ctl(fleet, ['status', '--json', 'web2:app']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      hosts: [{ host: 'web2', serverurl: `http://127.0.0.1:${fleet.port}`, state: 'up' }],
      processes: [{ host: 'web2', namespec: 'app', state: 'RUNNING' }],
    });
    expect(json.exit).toBe(0);
    const jsonDown = await ctl(fleet, ['--json', 'status', 'web3:*']);
    expect(JSON.parse(jsonDown.stdout)).toEqual({
      hosts: [
        {
          host: 'web3',
          serverurl: web3Socket,
          state: 'down',
          message: `${web3Socket} no such file`,
        },
      ],
      processes: [],
    });
    expect(jsonDown.exit).toBe(4);

    // Started again in place: back in the fleet.
    track(startDaemon(fleet.web3Config, { dir: fleet.daemons[2].dir }));
    const back = await waitUntil(fleet, ['status', 'web3:*'], (run) => run.exit === 0, 'web3 back');
    expect(rows(back.stdout)).toEqual([
      ['web3', 'app', 'RUNNING'],
      ['web3', 'web:web_0', 'RUNNING'],
      ['web3', 'web:web_1', 'RUNNING'],
    ]);
    expect((await ctl(fleet, ['status'])).exit).toBe(0);
  });

  it('takes the fleet from repeated -s too, credentials in the URL, and one host with --host', async () => {
    const fleet = await startFleet();
    const web1 = `unix://${fleet.daemons[0].dir.join('supervisor.sock')}`;
    const web2 = `http://ops:s3cret@127.0.0.1:${fleet.port}`;
    const run = await runOurs(['-s', `one=${web1}`, '-s', `two=${web2}`, 'status', 'app']);
    expect(rows(run.stdout)).toEqual([
      ['one', 'app', 'RUNNING'],
      ['two', 'app', 'RUNNING'],
    ]);
    // Without the credentials web2 answers 401: down, and said so.
    const noAuth = await runOurs([
      '-s',
      `one=${web1}`,
      '-s',
      `two=http://127.0.0.1:${fleet.port}`,
      'status',
      'two:*',
    ]);
    expect(noAuth.stdout).toContain(`DOWN      http://127.0.0.1:${fleet.port} answered HTTP 401`);
    expect(noAuth.exit).toBe(4);
    // --host: one server, supervisorctl's output exactly.
    const one = await ctl(fleet, ['--host', 'web2', 'status', 'only1', 'app']);
    expect(one.stdout).toMatch(/^only1: ERROR \(no such process\)\napp {30}RUNNING {3}pid \d+/);
    expect(one.exit).toBe(4);
  });

  it('restart --rolling rolls one host’s pool at a time, every pid new, in fleet order', async () => {
    const fleet = await startFleet();
    const pids = (stdout: string): string[] => stdout.match(/pid \d+/g) ?? [];
    const before = await ctl(fleet, ['status', 'web:*']);
    const run = await ctl(fleet, ['restart', '--rolling', 'web']);
    expect(run.stdout).toBe(
      ['web1', 'web2', 'web3']
        .flatMap((host) => [`${host}:web:web_0: restarted`, `${host}:web:web_1: restarted`])
        .join('\n') + '\n',
    );
    expect(run.exit).toBe(0);
    const after = await ctl(fleet, ['status', 'web:*', 'app']);
    expect(rows(after.stdout).map((row) => row[2])).toEqual(Array(9).fill('RUNNING'));
    const webAfter = pids((await ctl(fleet, ['status', 'web:*'])).stdout);
    expect(webAfter).toHaveLength(6);
    expect(webAfter.filter((pid) => pids(before.stdout).includes(pid))).toEqual([]);
  });
});
