import { describe, expect, it } from 'vitest';

import { fakeRpcClient, fault, ok } from '../../test/fakes/fake-rpc-client.js';
import { XmlRpcDouble } from '../protocol/xmlrpc/xmlrpc-value.js';
import { dashboardApi, type ProcessHealth } from './daemon-api.js';
import { IDLE_HEALTH_BEATS, syncHealth } from './health-sync.js';
import { healthWord } from './health-text.js';
import type { DashboardInput } from './inputs.js';
import { feed, processHealth, sampleState } from './testing/sample-state.js';

const health = processHealth;

const struct = (restartIn: number) => ({
  name: 'web',
  group: 'web',
  statename: 'BACKOFF',
  readiness: 'ready',
  liveness: 'ok',
  probe_failures: 0,
  waiting_for: '',
  restart_in: new XmlRpcDouble(restartIn),
  depends_on: ['db:ready'],
  reason: '',
});

describe('health in a few words', () => {
  it.each<[Partial<ProcessHealth>, string, string]>([
    [{ waitingFor: 'db', readiness: 'down' }, 'waiting for db', 'yellow'],
    [{ restartInSec: 7.2 }, 'restart in 8 s', 'yellow'],
    [{ readiness: 'pending' }, 'not ready', 'yellow'],
    [{ readiness: 'pending', probeFailures: 3 }, 'not ready (3)', 'yellow'],
    [{ readiness: 'ready', liveness: 'failing', probeFailures: 2 }, 'failing (2)', 'red'],
    [{ readiness: 'ready', liveness: 'ok' }, 'ready', 'green'],
    [{ liveness: 'ok' }, 'live', 'green'],
    [{ readiness: 'down' }, '', 'grey'],
    [{}, '', 'grey'],
  ])('%o: %s', (extra, text, colour) => {
    expect(healthWord(health(extra))).toEqual({ text, colour });
  });
});

describe('fetching health', () => {
  it('decodes tssupervisor.getProcessHealth: restart_in -1 is none', async () => {
    const rpc = fakeRpcClient({ 'tssupervisor.getProcessHealth': ok([struct(-1), struct(7.5)]) });
    const api = dashboardApi({ quick: rpc.client, waiting: rpc.client, longPoll: rpc.client });
    const [none, paced] = await api.getProcessHealth();
    expect(none).toEqual(health({ readiness: 'ready', liveness: 'ok', dependsOn: ['db:ready'] }));
    expect(paced?.restartInSec).toBe(7.5);
  });

  const beatWith = async (
    state: ReturnType<typeof sampleState>,
    beat: number,
    answer = ok([struct(-1)]),
  ) => {
    const rpc = fakeRpcClient({ 'tssupervisor.getProcessHealth': answer });
    const api = dashboardApi({ quick: rpc.client, waiting: rpc.client, longPoll: rpc.client });
    const inputs: DashboardInput[] = [];
    await syncHealth(api, { state, host: '', beat }, (input) =>
      inputs.push({ ...input, host: '' }),
    );
    return { calls: rpc.calls.length, inputs };
  };

  it('asks every beat while it does not know, or while some process has a probe', async () => {
    expect((await beatWith(sampleState(), 1)).calls).toBe(1);
    const known = feed(sampleState(), {
      type: 'support',
      host: '',
      feature: 'health',
      support: 'yes',
    });
    expect((await beatWith(known, 1)).calls).toBe(0);
    expect((await beatWith(known, IDLE_HEALTH_BEATS)).calls).toBe(1);
    const probed = feed(known, {
      type: 'health',
      host: '',
      health: [health({ readiness: 'ready' })],
    });
    expect((await beatWith(probed, 1)).calls).toBe(1);
  });

  it('stops asking a daemon without it (supervisord)', async () => {
    const { inputs } = await beatWith(sampleState(), 0, fault('UNKNOWN_METHOD'));
    expect(inputs).toEqual([{ type: 'support', host: '', feature: 'health', support: 'no' }]);
    const without = feed(sampleState(), ...inputs);
    expect((await beatWith(without, 0)).calls).toBe(0);
  });
});
