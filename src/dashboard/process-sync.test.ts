import { afterEach, describe, expect, it } from 'vitest';

import {
  fakeRpcClient,
  fault,
  ok,
  refused,
  type FakeReply,
} from '../../test/fakes/fake-rpc-client.js';
import { ManualClock } from '../../test/fakes/manual-clock.js';
import { dashboardApi } from './daemon-api.js';
import type { DashboardInput } from './inputs.js';
import { syncProcesses } from './process-sync.js';

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) {
    await Promise.resolve();
  }
};

const processInfo = (name: string) => ({ name, group: name, state: 20, statename: 'RUNNING' });

let running = new AbortController();
afterEach(() => {
  running.abort();
  running = new AbortController();
});

const start = (answers: Parameters<typeof fakeRpcClient>[0]) => {
  const rpc = fakeRpcClient(answers);
  const clock = new ManualClock();
  const inputs: DashboardInput[] = [];
  void syncProcesses({
    api: dashboardApi({ quick: rpc.client, waiting: rpc.client, longPoll: rpc.client }),
    clock,
    dispatch: (input) => inputs.push({ ...input, host: '' }),
    serverUrl: 'unix:///s.sock',
    signal: running.signal,
  });
  const fetched = () => inputs.filter((i) => i.type === 'processes').length;
  return { rpc, clock, inputs, fetched };
};

describe('keeping the process list current', () => {
  it('fetches at once, then after each change the long-poll reports', async () => {
    let release: (reply: FakeReply) => void = () => undefined;
    const { rpc, inputs, fetched, clock } = start({
      getAllProcessInfo: ok([processInfo('web')]),
      'tssupervisor.waitForStateChange': (params) =>
        params[0] === '' ? ok('run.1') : { later: new Promise((resolve) => (release = resolve)) },
    });
    await flush();
    expect(fetched()).toBe(1);
    expect(inputs).toContainEqual({ type: 'support', host: '', feature: 'events', support: 'yes' });
    expect(rpc.calls.at(-1)).toEqual({
      method: 'tssupervisor.waitForStateChange',
      params: ['run.1', 20_000],
    });
    release(ok('run.2'));
    await flush();
    // Changes close together are fetched at most every 250 ms.
    expect(fetched()).toBe(1);
    clock.advance(250);
    await flush();
    expect(fetched()).toBe(2);
  });

  it('polls once a second against a daemon without the long-poll (supervisord)', async () => {
    const { inputs, fetched, clock } = start({ getAllProcessInfo: ok([processInfo('web')]) });
    await flush();
    expect(inputs).toContainEqual({ type: 'support', host: '', feature: 'events', support: 'no' });
    expect(fetched()).toBe(1);
    clock.advance(999);
    await flush();
    expect(fetched()).toBe(1);
    clock.advance(1);
    await flush();
    expect(fetched()).toBe(2);
  });

  it('reports a lost connection, retries with growing pauses, and recovers', async () => {
    const { inputs, fetched, clock } = start({
      'tssupervisor.waitForStateChange': [
        refused('unix:///s.sock'),
        refused('unix:///s.sock'),
        ok('run.1'),
      ],
      getAllProcessInfo: ok([processInfo('web')]),
    });
    await flush();
    expect(inputs).toContainEqual(
      expect.objectContaining({
        type: 'connection-lost',
        reason: 'unix:///s.sock refused connection',
      }),
    );
    clock.advance(250);
    await flush();
    expect(inputs.filter((i) => i.type === 'connection-lost')).toHaveLength(2);
    clock.advance(499);
    await flush();
    expect(fetched()).toBe(0);
    clock.advance(1);
    await flush();
    expect(fetched()).toBe(1);
  });

  it('a daemon shutting down is not reachable either', async () => {
    const { inputs } = start({
      'tssupervisor.waitForStateChange': ok('x.1'),
      getAllProcessInfo: fault('SHUTDOWN_STATE'),
    });
    await flush();
    expect(inputs).toContainEqual(
      expect.objectContaining({ reason: 'the daemon is shutting down or restarting' }),
    );
  });
});
