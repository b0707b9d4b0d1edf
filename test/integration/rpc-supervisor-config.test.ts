// reloadConfig/addProcessGroup/removeProcessGroup on the real daemon beyond what the compat
// suite compares: a group re-added at once keeps working logs, values XML-RPC cannot carry, and
// the main log methods when the file is gone.

import { rmSync, writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { baseConfig, killDaemon } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  attempt,
  startSupervisor,
  stdoutOf,
  type SupervisorUnderTest,
  waitForState,
} from './rpc-supervisor-harness.js';

let sut: SupervisorUnderTest | undefined;
afterEach(async () => {
  sut?.close();
  await killDaemon(sut?.daemon);
  sut = undefined;
});

const program = (greeting: string): string => `
[program:web]
command=/bin/sh -c "echo ${greeting}; exec sleep 1000"
startsecs=0
`;

describe('config methods on the daemon', () => {
  it('a group removed and added back at once (update) has working logs', async () => {
    sut = await startSupervisor(program('first'));
    const rpc = sut.rpc;
    await waitFor(async () => (await stdoutOf(rpc, 'web')).includes('first'));
    writeFileSync(sut.daemon.configPath, baseConfig(program('second')));
    expect(await rpc.call('supervisor.reloadConfig')).toEqual([[[], ['web'], []]]);
    // What supervisorctl update does for a changed group.
    await rpc.call('supervisor.stopProcessGroup', ['web']);
    expect(await rpc.call('supervisor.removeProcessGroup', ['web'])).toBe(true);
    expect(await rpc.call('supervisor.addProcessGroup', ['web'])).toBe(true);
    await waitForState(rpc, 'web', 'RUNNING');
    await waitFor(async () => (await stdoutOf(rpc, 'web')).includes('second'));
    expect(await rpc.call('supervisor.clearProcessLogs', ['web'])).toBe(true);
    expect(await stdoutOf(rpc, 'web')).toBe('');
  });

  it('a re-added group keeps its logs when the old group took long to let go of its own', async () => {
    // A background child keeps the old stdout pipe open, so the removed group's logs close only
    // after the 2 s grace; that late close must not take the new group's logs with it.
    const lingering = (greeting: string): string => `
[program:web]
command=/bin/sh -c "sleep 1000 & echo ${greeting}; exec sleep 1000"
startsecs=0
`;
    sut = await startSupervisor(lingering('first'));
    const rpc = sut.rpc;
    await waitFor(async () => (await stdoutOf(rpc, 'web')).includes('first'));
    writeFileSync(sut.daemon.configPath, baseConfig(lingering('second')));
    await rpc.call('supervisor.reloadConfig');
    await rpc.call('supervisor.stopProcessGroup', ['web']);
    await rpc.call('supervisor.removeProcessGroup', ['web']);
    await rpc.call('supervisor.addProcessGroup', ['web']);
    await waitFor(async () => (await stdoutOf(rpc, 'web')).includes('second'));
    const readdedAt = Date.now();
    await waitFor(() => Date.now() - readdedAt > 2_500, { what: 'the old logs to be let go' });
    expect(await rpc.call('supervisor.clearProcessLogs', ['web'])).toBe(true);
    expect(await stdoutOf(rpc, 'web')).toBe('');
  });

  it('getAllConfigInfo with a value beyond 32 bits is an HTTP 500, as in supervisord', async () => {
    sut = await startSupervisor(`${program('x')}stdout_logfile_maxbytes=3GB\n`);
    expect(await attempt(sut.rpc.call('supervisor.getAllConfigInfo'))).toEqual({ http: 500 });
    expect(await sut.rpc.call('supervisor.getState')).toMatchObject({ statename: 'RUNNING' });
  });

  it('readLog and clearLog say NO_FILE when the main log is gone', async () => {
    sut = await startSupervisor(program('x'));
    const path = sut.daemon.dir.join('supervisord.log');
    expect(await sut.rpc.call('supervisor.readLog', [0, 0])).toContain('supervisord started');
    rmSync(path);
    expect(await attempt(sut.rpc.call('supervisor.readLog', [0, 0]))).toEqual({
      fault: `NO_FILE: ${path}`,
      code: 20,
    });
    expect(await attempt(sut.rpc.call('supervisor.clearLog'))).toEqual({
      fault: 'NO_FILE',
      code: 20,
    });
  });
});
