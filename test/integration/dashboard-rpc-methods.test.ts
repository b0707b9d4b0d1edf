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

describe('tssupervisor.getProcessDetail', () => {
  it('gives the command, the environment with secrets masked, and the tree member by member', async () => {
    sut = await startSupervisor(`
[program:tree]
command=sh -c 'sh -c "while :; do :; done" & sleep 1000'
directory=/tmp
environment=PORT="8000",DB_PASSWORD="hunter2",DATABASE_URL="postgres://app:hunter2@db/app"
startsecs=0
`);
    await waitForState(sut.rpc, 'tree', 'RUNNING');
    const rootPid = struct(await sut.rpc.call('supervisor.getProcessInfo', ['tree']))['pid'];
    const s = sut;
    // Three members once the shell has started both children, the busy one using CPU.
    const detail = await waitFor(
      async () => {
        const d = struct(await s.rpc.call('tssupervisor.getProcessDetail', ['tree']));
        const tree = (d['tree'] as XmlRpcValue[]).map((m) => struct(m));
        const busy = tree.some((m) => (m['cpu_percent'] as XmlRpcDouble).value > 20);
        return tree.length === 3 && busy && { ...d, tree };
      },
      { timeoutMs: 15_000, what: 'three members in the tree, one of them busy' },
    );
    expect(detail).toMatchObject({
      name: 'tree',
      group: 'tree',
      command: `sh -c 'sh -c "while :; do :; done" & sleep 1000'`,
      directory: '/tmp',
      user: '',
      environment: [
        'DATABASE_URL=postgres://app:********@db/app',
        'DB_PASSWORD=********',
        'PORT=8000',
      ],
    });
    expect(JSON.stringify(detail)).not.toContain('hunter2');
    const [root, ...below] = detail.tree;
    expect(root).toMatchObject({ pid: rootPid, name: 'sh' });
    expect(below.map((m) => m['name']).sort()).toEqual(['sh', 'sleep']);
    expect(below.every((m) => m['ppid'] === rootPid)).toBe(true);
    expect(Number(root?.['rss_kb'])).toBeGreaterThan(0);
  });

  it('has no tree for a process not running, and refuses a name it does not know', async () => {
    sut = await startSupervisor(PROGRAMS);
    expect(struct(await sut.rpc.call('tssupervisor.getProcessDetail', ['manual']))['tree']).toEqual(
      [],
    );
    expect(await attempt(sut.rpc.call('tssupervisor.getProcessDetail', ['nope']))).toMatchObject({
      code: 10,
    });
  });
});
