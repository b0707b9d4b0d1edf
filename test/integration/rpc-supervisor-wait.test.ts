// supervisor.startProcess/stopProcess (and the group forms) with real children: wait=true
// settles on the engine's state events (RUNNING, SPAWN_ERROR, ABNORMAL_TERMINATION, stopped),
// wait=false answers at once, and a client that goes away mid-wait harms nothing.

import { afterEach, describe, expect, it } from 'vitest';

import { killDaemon, PROGRAMS } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  attempt,
  startSupervisor,
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

const PROGRAMS_CONF = `
[program:slow]
command=${node} ${PROGRAMS}/forever.mjs
autostart=false
startsecs=1

[program:quick]
command=${node} ${PROGRAMS}/exit-with.mjs 3
autostart=false
startsecs=1
startretries=0

[program:patient]
command=${node} ${PROGRAMS}/forever.mjs
autostart=false
startsecs=30

[program:stubborn]
command=${node} ${PROGRAMS}/ignore-sigterm.mjs
autostart=false
startsecs=0
stopwaitsecs=1

[group:mixed]
programs=good,bad

[program:good]
command=${node} ${PROGRAMS}/forever.mjs
autostart=false
startsecs=1

[program:bad]
command=${node} ${PROGRAMS}/exit-with.mjs 1
autostart=false
startsecs=1
startretries=0
`;

const stateOf = async (s: SupervisorUnderTest, name: string): Promise<unknown> =>
  struct(await s.rpc.call('supervisor.getProcessInfo', [name]))['statename'];

describe('start and stop with wait, against a real daemon', () => {
  it('startProcess waits until RUNNING; wait=false answers while STARTING', async () => {
    sut = await startSupervisor(PROGRAMS_CONF);
    expect(await sut.rpc.call('supervisor.startProcess', ['slow'])).toBe(true);
    expect(await stateOf(sut, 'slow')).toBe('RUNNING');
    expect(sut.daemon.mainLog()).toContain('success: slow entered RUNNING state');

    expect(await sut.rpc.call('supervisor.stopProcess', ['slow'])).toBe(true);
    expect(await stateOf(sut, 'slow')).toBe('STOPPED');
    expect(await sut.rpc.call('supervisor.startProcess', ['slow', false])).toBe(true);
    expect(await stateOf(sut, 'slow')).toBe('STARTING');
  });

  it('a process that exits during startsecs is a SPAWN_ERROR', async () => {
    sut = await startSupervisor(PROGRAMS_CONF);
    expect(await attempt(sut.rpc.call('supervisor.startProcess', ['quick']))).toEqual({
      fault: 'SPAWN_ERROR: quick',
      code: 50,
    });
    const info = struct(await sut.rpc.call('supervisor.getProcessInfo', ['quick']));
    expect(info['spawnerr']).toBe('Exited too quickly (process log may have details)');
  });

  it('a start that is stopped while it waits is an ABNORMAL_TERMINATION', async () => {
    sut = await startSupervisor(PROGRAMS_CONF);
    const waiting = attempt(sut.client().call('supervisor.startProcess', ['patient']));
    await waitForState(sut.rpc, 'patient', 'STARTING');
    expect(await sut.rpc.call('supervisor.stopProcess', ['patient'])).toBe(true);
    expect(await waiting).toEqual({ fault: 'ABNORMAL_TERMINATION: patient', code: 40 });
  });

  it('stopProcess waits through stopwaitsecs and SIGKILL', async () => {
    sut = await startSupervisor(PROGRAMS_CONF);
    expect(await sut.rpc.call('supervisor.startProcess', ['stubborn'])).toBe(true);
    // Its SIGTERM handler is in place once it says so.
    const rpc = sut.rpc;
    await waitFor(async () => (await stdoutOf(rpc, 'stubborn')).includes('started'));
    expect(await sut.rpc.call('supervisor.stopProcess', ['stubborn'])).toBe(true);
    const info = struct(await sut.rpc.call('supervisor.getProcessInfo', ['stubborn']));
    expect(info).toMatchObject({ statename: 'STOPPED', exitstatus: -1, pid: 0 });
    expect(sut.daemon.mainLog()).toMatch(/killing 'stubborn' \(\d+\) with SIGKILL/);
  });

  it('group starts report each failure inside the array; g:* goes through startProcess', async () => {
    sut = await startSupervisor(PROGRAMS_CONF);
    expect(await sut.rpc.call('supervisor.startProcess', ['mixed:*'])).toEqual([
      { name: 'bad', group: 'mixed', status: 50, description: 'SPAWN_ERROR: mixed:bad' },
      { name: 'good', group: 'mixed', status: 80, description: 'OK' },
    ]);
    expect(await sut.rpc.call('supervisor.startProcessGroup', ['mixed'])).toEqual([
      { name: 'bad', group: 'mixed', status: 50, description: 'SPAWN_ERROR: mixed:bad' },
    ]);
    expect(await sut.rpc.call('supervisor.stopProcess', ['mixed:'])).toEqual([
      { name: 'good', group: 'mixed', status: 80, description: 'OK' },
    ]);
  });

  it('a client that disconnects mid-wait leaves the daemon and the process alone', async () => {
    sut = await startSupervisor(PROGRAMS_CONF);
    const impatient = sut.client();
    const abandoned = attempt(impatient.call('supervisor.startProcess', ['patient']));
    await waitForState(sut.rpc, 'patient', 'STARTING');
    impatient.close();
    await expect(abandoned).rejects.toThrow();
    expect(await stateOf(sut, 'patient')).toBe('STARTING');
    expect(await sut.rpc.call('supervisor.stopProcess', ['patient'])).toBe(true);
    await waitFor(() => sut?.daemon.mainLog().includes('stopped: patient'));
    expect(sut.daemon.mainLog()).not.toMatch(/unexpected exception|internal error/);
  });
});
