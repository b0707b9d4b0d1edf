import { describe, expect, it } from 'vitest';

import { fakeRpcClient, fault, ok, type FakeAnswer } from '../../test/fakes/fake-rpc-client.js';
import { dashboardApi } from './daemon-api.js';
import { runFleetCommand } from './fleet-command.js';
import type { HostClient } from './host-client.js';

const hostWith = (name: string, answers: Record<string, FakeAnswer>) => {
  const rpc = fakeRpcClient(answers);
  const host: HostClient = {
    name,
    serverUrl: `unix:///run/${name || 'supervisor'}.sock`,
    api: dashboardApi({ quick: rpc.client, waiting: rpc.client, longPoll: rpc.client }),
    openLog: () => Promise.resolve({ kind: 'ended' }),
  };
  return { host, methods: () => rpc.methods() };
};

const started = [{ name: 'app', group: 'app', status: 80, description: 'OK' }];

describe('a command on a fleet', () => {
  it('a process’s command goes to its host alone, and says which host', async () => {
    const web1 = hostWith('web1', { stopProcess: ok(true) });
    const web2 = hostWith('web2', { stopProcess: ok(true) });
    const outcome = await runFleetCommand([web1.host, web2.host], {
      verb: 'stop',
      target: { kind: 'process', host: 'web2', namespec: 'app' },
    });
    expect(outcome).toEqual({ ok: true, text: 'web2:app: stopped' });
    expect(web1.methods()).toEqual([]);
    expect(web2.methods()).toEqual(['stopProcess']);
  });

  it('a host that is not among those up gets nothing, and the outcome says it is down', async () => {
    const web1 = hostWith('web1', { startProcess: ok(true) });
    const outcome = await runFleetCommand([web1.host], {
      verb: 'start',
      target: { kind: 'process', host: 'web3', namespec: 'app' },
    });
    expect(outcome).toEqual({ ok: false, text: 'web3: ERROR (the host is down)' });
    expect(web1.methods()).toEqual([]);
  });

  it('`all` runs on every host given, each result named by its host', async () => {
    const web1 = hostWith('web1', { startAllProcesses: ok(started) });
    const web2 = hostWith('web2', { startAllProcesses: fault('SHUTDOWN_STATE') });
    const outcome = await runFleetCommand([web1.host, web2.host], {
      verb: 'start',
      target: { kind: 'all' },
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.text).toMatch(/^web1: all: 1 started; web2: all: ERROR/);
  });

  it('on one daemon, the words are runCommand’s own', async () => {
    const one = hostWith('', { startAllProcesses: ok(started) });
    expect(await runFleetCommand([one.host], { verb: 'start', target: { kind: 'all' } })).toEqual({
      ok: true,
      text: 'all: 1 started',
    });
  });
});
