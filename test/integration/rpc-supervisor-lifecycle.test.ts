// supervisor.shutdown and supervisor.restart on the real daemon (the same path as SIGTERM and
// SIGHUP), what is served meanwhile, and a daemon without [rpcinterface:supervisor].

import { existsSync, writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { baseConfig, killDaemon, PROGRAMS } from '../helpers/daemon-harness.js';
import { isAlive } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  attempt,
  startSupervisor,
  startWithConfig,
  stdoutOf,
  struct,
  type SupervisorUnderTest,
  waitForState,
} from './rpc-supervisor-harness.js';

const node = process.execPath;
let sut: SupervisorUnderTest | undefined;
afterEach(async () => {
  sut?.close();
  await killDaemon(sut?.daemon);
  sut = undefined;
});

const CONF = `
[program:web]
command=${node} ${PROGRAMS}/forever.mjs
startsecs=0

[program:stubborn]
command=${node} ${PROGRAMS}/ignore-sigterm.mjs
startsecs=0
stopwaitsecs=2
`;

const pidOf = async (s: SupervisorUnderTest, name: string): Promise<unknown> =>
  struct(await s.rpc.call('supervisor.getProcessInfo', [name]))['pid'];

describe('shutdown and restart over RPC', () => {
  it('shutdown answers at once, refuses supervisor.* meanwhile, then the daemon exits', async () => {
    sut = await startSupervisor(CONF);
    await waitForState(sut.rpc, 'stubborn', 'RUNNING');
    const rpc = sut.rpc;
    await waitFor(async () => (await stdoutOf(rpc, 'stubborn')).includes('started'));
    expect(await sut.rpc.call('supervisor.shutdown')).toBe(true);
    expect(await attempt(sut.rpc.call('supervisor.getState'))).toEqual({
      fault: 'SHUTDOWN_STATE',
      code: 6,
    });
    expect(await sut.rpc.call('supervisor.sendRemoteCommEvent', ['t', 'd'])).toBe(true);
    // supervisord's 41 names, plus our own namespace (docs/api.md, docs/dashboard.md).
    const names = (await sut.rpc.call('system.listMethods')) as string[];
    expect(names.filter((n) => !n.startsWith('tssupervisor.'))).toHaveLength(41);
    expect(names.filter((n) => n.startsWith('tssupervisor.'))).toEqual([
      'tssupervisor.getProcessDetail',
      'tssupervisor.getProcessHealth',
      'tssupervisor.getProcessStats',
      'tssupervisor.rollingRestart',
      'tssupervisor.waitForStateChange',
    ]);
    expect(await sut.daemon.exited()).toBe(0);
    expect(existsSync(sut.daemon.dir.join('supervisord.pid'))).toBe(false);
    expect(sut.daemon.mainLog()).toMatch(/killing 'stubborn' \(\d+\) with SIGKILL/);
  });

  it('restart keeps the daemon pid, reads the config again and starts afresh', async () => {
    sut = await startSupervisor(CONF.replace('stopwaitsecs=2', 'stopwaitsecs=1'));
    await waitForState(sut.rpc, 'web', 'RUNNING');
    const daemonPid = await sut.rpc.call('supervisor.getPID');
    const webPid = await pidOf(sut, 'web');
    writeFileSync(
      sut.daemon.configPath,
      baseConfig(`${CONF}\n[program:added]\ncommand=sleep 1000\nstartsecs=0\n`),
    );
    expect(await sut.rpc.call('supervisor.restart')).toBe(true);
    const rpc = sut.rpc;
    await waitFor(
      async () => 'value' in (await attempt(rpc.call('supervisor.getProcessInfo', ['added']))),
      {
        what: 'the restarted daemon to know the new program',
      },
    );
    await waitForState(rpc, 'added', 'RUNNING');
    expect(await rpc.call('supervisor.getPID')).toBe(daemonPid);
    expect(isAlive(sut.daemon.pid)).toBe(true);
    await waitForState(rpc, 'web', 'RUNNING');
    expect(await pidOf(sut, 'web')).not.toBe(webPid);
  });

  it('a restart with a broken config is refused and changes nothing', async () => {
    sut = await startSupervisor(CONF);
    await waitForState(sut.rpc, 'web', 'RUNNING');
    const webPid = await pidOf(sut, 'web');
    writeFileSync(sut.daemon.configPath, baseConfig(`${CONF}\n[program:bad]\n`));
    expect(await sut.rpc.call('supervisor.restart')).toBe(true);
    await sut.daemon.waitForLog('restart refused');
    expect(await sut.rpc.call('supervisor.getState')).toEqual({
      statecode: 1,
      statename: 'RUNNING',
    });
    expect(await pidOf(sut, 'web')).toBe(webPid);
  });
});

describe('without [rpcinterface:supervisor]', () => {
  it('serves system.* only', async () => {
    const [header, rest = ''] = baseConfig().split('[rpcinterface:supervisor]');
    sut = await startWithConfig(
      `${header}${rest.replace(/^\nsupervisor\.rpcinterface_factory.*\n/, '')}`,
    );
    expect(await sut.rpc.call('system.listMethods')).toEqual([
      'system.listMethods',
      'system.methodHelp',
      'system.methodSignature',
      'system.multicall',
    ]);
    expect(await attempt(sut.rpc.call('supervisor.getState'))).toEqual({
      fault: 'UNKNOWN_METHOD',
      code: 1,
    });
  });
});
