// The real dashboard on a fleet of three real daemons, in tmux: every host's processes in one
// table with a HOST column, an action on one host that reaches that host only, one daemon
// stopped mid-test (a `down:` row, the others still updating and acting), then started again in
// place and its rows back by themselves; and `--host` for one host's own dashboard.

import { writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { createNodeHttpClient } from '../../src/platform/node-http-client.js';
import { createRpcClient, type RpcClient } from '../../src/protocol/client.js';
import {
  baseConfig,
  CTL_BIN,
  foreverProgram,
  startDaemon,
  type RunningDaemon,
} from '../helpers/daemon-harness.js';
import { daemonPool } from '../helpers/daemon-pool.js';
import { openTmuxPane, type TmuxPane } from '../helpers/tmux-pane.js';
import { waitFor } from '../helpers/wait-for.js';
import { struct } from './rpc-supervisor-harness.js';

const HOSTS = ['web1', 'web2', 'web3'] as const;
type Host = (typeof HOSTS)[number];

const PROGRAMS =
  foreverProgram('app') +
  foreverProgram('web', 'numprocs=2\nprocess_name=%(program_name)s_%(process_num)d');

const pool = daemonPool();
const { track } = pool;
const clients: RpcClient[] = [];
let pane: TmuxPane | undefined;

afterEach(async () => {
  pane?.kill();
  pane = undefined;
  for (const client of clients.splice(0)) {
    client.close();
  }
  await pool.cleanup();
});

const rpcOf = (daemon: RunningDaemon): RpcClient => {
  const client = createRpcClient({
    endpoint: { kind: 'unix', path: daemon.dir.join('supervisor.sock') },
    username: null,
    password: null,
    transport: createNodeHttpClient(),
  });
  clients.push(client);
  return client;
};

const infoOf = async (rpc: RpcClient, name: string) =>
  struct(await rpc.call('supervisor.getProcessInfo', [name]));

interface Fleet {
  readonly daemons: Record<Host, RunningDaemon>;
  readonly rpc: Record<Host, RpcClient>;
  readonly config: string;
}

const startFleet = async (): Promise<Fleet> => {
  const daemons = {
    web1: track(startDaemon(baseConfig(PROGRAMS + foreverProgram('only1')))),
    web2: track(startDaemon(baseConfig(PROGRAMS))),
    web3: track(startDaemon(baseConfig(PROGRAMS))),
  };
  const rpc = { web1: rpcOf(daemons.web1), web2: rpcOf(daemons.web2), web3: rpcOf(daemons.web3) };
  const ctlDir = pool.tempDir('tss-dash-fleet-');
  const config = ctlDir.join('ctl.conf');
  writeFileSync(
    config,
    [
      '[supervisorctl]',
      ...HOSTS.flatMap((host) => [
        `[supervisorctl:${host}]`,
        `serverurl=unix://${daemons[host].dir.join('supervisor.sock')}`,
      ]),
      '',
    ].join('\n'),
  );
  for (const host of HOSTS) {
    await waitFor(async () => (await infoOf(rpc[host], 'app'))['statename'] === 'RUNNING', {
      what: `app to run on ${host}`,
    });
  }
  return { daemons, rpc, config };
};

const openDashboard = (args: string): TmuxPane => {
  pane = openTmuxPane(`${process.execPath} ${CTL_BIN} ${args} dashboard`, {
    cols: 160,
    rows: 48,
  });
  return pane;
};

/** A table row: the marker, the host, the name, the state (then the rest). */
const rowOf = (lines: string[], host: string, name: string): string | undefined =>
  lines.find((l) => new RegExp(`^[▶ ] +${host} +${name} `).test(l));

const stateIn = (lines: string[], host: string, name: string): string | undefined =>
  /^[▶ ] +\S+ +\S+ +(\S+)/.exec(rowOf(lines, host, name) ?? '')?.[1];

describe('the dashboard on a fleet of three daemons, in tmux', () => {
  it('lists every host, acts on one host only, shows one down and brings it back', async () => {
    const fleet = await startFleet();
    const dash = openDashboard(`-c ${fleet.config}`);

    // All three listed, with the HOST column, the whole fleet in the header.
    const all = await dash.waitForScreen('every host’s processes', (l) =>
      HOSTS.every((host) => stateIn(l, host, 'app') === 'RUNNING'),
    );
    expect(all[0]).toMatch(/3 hosts │ 10 processes: 10 running/);
    expect(all[1]).toMatch(/^ {2}HOST +NAME +STATE/);
    expect(stateIn(all, 'web1', 'only1')).toBe('RUNNING');
    expect(rowOf(all, 'web2', 'web:\\*')).toMatch(/2\/2 running/);
    expect(rowOf(all, 'web3', ' {2}web:web_1')).toMatch(/RUNNING/);
    expect(rowOf(all, 'web2', 'only1')).toBeUndefined();

    // An action on host 2 reaches host 2 only.
    const pids = await Promise.all(
      HOSTS.map(async (h) => (await infoOf(fleet.rpc[h], 'app'))['pid']),
    );
    dash.keys('/', ...'web2:app'.split(''), 'Enter');
    await dash.waitForScreen('web2’s app selected', (l) =>
      (rowOf(l, 'web2', 'app') ?? '').startsWith('▶'),
    );
    dash.keys('x');
    await dash.explained(
      waitFor(async () => (await infoOf(fleet.rpc.web2, 'app'))['statename'] === 'STOPPED', {
        what: 'app stopped on web2',
      }),
    );
    await dash.waitForScreen(
      'web2:app STOPPED and the result',
      (l) =>
        stateIn(l, 'web2', 'app') === 'STOPPED' &&
        l.some((line) => line.includes('web2:app: stopped')),
    );
    for (const [i, host] of HOSTS.entries()) {
      if (host !== 'web2') {
        const info = await infoOf(fleet.rpc[host], 'app');
        expect([host, info['statename'], info['pid']]).toEqual([host, 'RUNNING', pids[i]]);
      }
    }
    dash.keys('Escape');
    await dash.waitForScreen(
      'the whole fleet again',
      (l) => stateIn(l, 'web1', 'app') === 'RUNNING',
    );

    // web3 goes away: one row says so; web1 and web2 keep updating and taking actions.
    await fleet.daemons.web3.stop();
    const down = await dash.waitForScreen('web3 down', (l) =>
      /^[▶ ] +web3 +DOWN +down: unix:\/\/.*no such file/.test(
        l.find((line) => /^[▶ ] +web3 /.test(line)) ?? '',
      ),
    );
    expect(down.filter((line) => /^[▶ ] +web3 /.test(line))).toHaveLength(1);
    expect(down[0]).toMatch(/3 hosts, down: web3 │ 7 processes/);
    await fleet.rpc.web1.call('supervisor.stopProcess', ['web:web_0']);
    await dash.waitForScreen(
      'web1’s change shown while web3 is down',
      (l) => stateIn(l, 'web1', ' {2}web:web_0') === 'STOPPED',
    );
    dash.keys('/', ...'web2:app'.split(''), 'Enter', 's');
    await dash.explained(
      waitFor(async () => (await infoOf(fleet.rpc.web2, 'app'))['statename'] === 'RUNNING', {
        what: 'app started again on web2',
      }),
    );
    await dash.waitForScreen(
      'web2:app RUNNING again',
      (l) => stateIn(l, 'web2', 'app') === 'RUNNING',
    );
    dash.keys('Escape');

    // Started again in place: its rows come back by themselves.
    track(startDaemon(baseConfig(PROGRAMS), { dir: fleet.daemons.web3.dir }));
    const back = await dash.waitForScreen(
      'web3’s rows back',
      (l) =>
        stateIn(l, 'web3', 'app') === 'RUNNING' &&
        stateIn(l, 'web3', ' {2}web:web_1') === 'RUNNING' &&
        !l.some((line) => line.includes('down:')),
      30_000,
    );
    expect(back[0]).toMatch(/3 hosts │ 10 processes/);
  });

  it('--host NAME is that host’s own dashboard, without the HOST column', async () => {
    const fleet = await startFleet();
    const dash = openDashboard(`-c ${fleet.config} --host web2`);
    const lines = await dash.waitForScreen('web2’s processes', (l) =>
      l.some((line) => /^[▶ ] +app +RUNNING/.test(line)),
    );
    expect(lines[0]).toContain(`unix://${fleet.daemons.web2.dir.join('supervisor.sock')}`);
    expect(lines[1]).toMatch(/^ {2}NAME +STATE/);
    expect(lines.some((line) => line.includes('only1'))).toBe(false);
  });
});
