// tssupervisor.* on the real daemon: process stats over whole process trees (real children and
// grandchildren), restart counts, and the state-change long-poll the dashboard relies on.

import { afterEach, describe, expect, it } from 'vitest';

import { XmlRpcDouble, type XmlRpcValue } from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import { killDaemon } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  attempt,
  startSupervisor,
  struct,
  waitForState,
  type SupervisorUnderTest,
} from './rpc-supervisor-harness.js';

// `tree` runs a busy grandchild under a shell, so only the whole tree shows the CPU it uses.
const PROGRAMS = `
[program:tree]
command=sh -c 'sh -c "while :; do :; done" & sleep 1000'
startsecs=0

[program:idle]
command=sleep 1000
startsecs=0

[program:manual]
command=sleep 1000
autostart=false
`;

let sut: SupervisorUnderTest | undefined;
afterEach(async () => {
  sut?.close();
  await killDaemon(sut?.daemon);
  sut = undefined;
});

const statsOf = async (
  s: SupervisorUnderTest,
): Promise<Record<string, Record<string, XmlRpcValue>>> => {
  const rows = await s.rpc.call('tssupervisor.getProcessStats');
  if (!Array.isArray(rows)) {
    throw new Error('not an array');
  }
  return Object.fromEntries(
    rows.map((row: XmlRpcValue) => [struct(row)['name'] as string, struct(row)]),
  );
};

const cpuOf = (row: Record<string, XmlRpcValue> | undefined): number => {
  const cpu = row?.['cpu_percent'];
  return cpu instanceof XmlRpcDouble ? cpu.value : -1;
};

describe('tssupervisor.getProcessStats', () => {
  it('measures each process with its descendants, and nothing for a process not running', async () => {
    sut = await startSupervisor(PROGRAMS);
    await waitForState(sut.rpc, 'tree', 'RUNNING');
    await waitForState(sut.rpc, 'idle', 'RUNNING');
    const s = sut;
    // CPU is an average since the previous sample, so the first sample reads 0.
    const stats = await waitFor(
      async () => {
        const now = await statsOf(s);
        return cpuOf(now['tree']) > 20 && now;
      },
      { timeoutMs: 15_000, what: 'the busy grandchild to show as CPU of `tree`' },
    );
    expect(stats['tree']).toMatchObject({
      group: 'tree',
      sampled: true,
      processes: 3,
      restarts: 0,
    });
    expect(Number(stats['tree']?.['rss_kb'])).toBeGreaterThan(100);
    expect(stats['idle']).toMatchObject({ sampled: true, processes: 1 });
    expect(cpuOf(stats['idle'])).toBeLessThan(5);
    expect(stats['manual']).toMatchObject({ pid: 0, sampled: false, processes: 0, rss_kb: 0 });
    expect(await sut.rpc.call('system.methodSignature', ['tssupervisor.getProcessStats'])).toEqual([
      'array',
    ]);
  });

  it('counts restarts: every spawn after the first', async () => {
    sut = await startSupervisor(PROGRAMS);
    await waitForState(sut.rpc, 'idle', 'RUNNING');
    await sut.rpc.call('supervisor.stopProcess', ['idle']);
    await sut.rpc.call('supervisor.startProcess', ['idle']);
    await sut.rpc.call('supervisor.stopProcess', ['idle']);
    await sut.rpc.call('supervisor.startProcess', ['idle']);
    expect((await statsOf(sut))['idle']).toMatchObject({ restarts: 2 });
  });
});

describe('tssupervisor.waitForStateChange', () => {
  it('answers at once for another token, waits for the next change otherwise', async () => {
    sut = await startSupervisor(PROGRAMS);
    await waitForState(sut.rpc, 'idle', 'RUNNING');
    const token = await sut.rpc.call('tssupervisor.waitForStateChange', ['', 20_000]);
    expect(typeof token).toBe('string');
    const waiting = sut.client().call('tssupervisor.waitForStateChange', [token, 20_000]);
    let answered = false;
    void waiting.then(() => (answered = true));
    // The same token again: nothing has changed, so it waits (a short timeout says so).
    expect(await sut.rpc.call('tssupervisor.waitForStateChange', [token, 200])).toBe(token);
    expect(answered).toBe(false);
    await sut.rpc.call('supervisor.startProcess', ['manual', false]);
    const next = await waiting;
    expect(next).not.toBe(token);
  });

  it('refuses a timeout out of range', async () => {
    sut = await startSupervisor(PROGRAMS);
    expect(await attempt(sut.rpc.call('tssupervisor.waitForStateChange', ['', 60_000]))).toEqual({
      fault: 'BAD_ARGUMENTS: timeout must be 0 to 25000 ms',
      code: 3,
    });
  });
});
