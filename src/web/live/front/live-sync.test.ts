import { describe, expect, it } from 'vitest';

import {
  fakeRpcClient,
  ok,
  refused,
  type FakeAnswer,
  type FakeReply,
} from '../../../../test/fakes/fake-rpc-client.js';
import { processInfo } from '../../../../test/fakes/supervisor-answers.js';
import { supervisorApi } from '../../../protocol/supervisor-api.js';
import { tssupervisorApi } from '../../../protocol/tssupervisor-api.js';
import { XmlRpcDouble } from '../../../protocol/xmlrpc/xmlrpc-value.js';
import type { LiveSnapshot } from './live-snapshot.js';
import { FIGURES_EVERY_MS, LONG_POLL_MS, startLiveSync, type Connection } from './live-sync.js';
import type { UiClock } from './ui-clock.js';

/** One process's health, waiting for `waitingFor`. */
const healthStruct = (name: string, waitingFor: string) => ({
  name,
  group: name,
  statename: 'STARTING',
  readiness: 'pending',
  liveness: 'none',
  probe_failures: 0,
  waiting_for: waitingFor,
  restart_in: new XmlRpcDouble(-1),
  depends_on: [`${waitingFor}:ready`],
  reason: '',
});

/** Never answers: a long-poll with nothing to report. */
const NEVER: FakeReply = { later: new Promise(() => undefined) };

const settled = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) {
    await Promise.resolve();
  }
};

/**
 * A sync on scripted long-poll answers (web RUNNING otherwise), with a clock whose sleeps end
 * when the test says and whose figures timer ticks on demand; what it publishes is recorded.
 */
const run = (waitAnswer: FakeAnswer, isVisible: () => boolean = () => true) => {
  const rpc = fakeRpcClient({
    'tssupervisor.waitForStateChange': waitAnswer,
    getAllProcessInfo: ok([processInfo('web', 'RUNNING')]),
    'tssupervisor.getProcessHealth': ok([]),
    'tssupervisor.getProcessStats': ok([]),
  });
  const sleeps: (() => void)[] = [];
  const ticks: (() => void)[] = [];
  const clock: UiClock = {
    nowMs: () => 1_700_000_000_000,
    sleep: () => new Promise<void>((resolve) => sleeps.push(resolve)),
    every: (ms, tick) => {
      expect(ms).toBe(FIGURES_EVERY_MS);
      ticks.push(tick);
      return () => ticks.splice(ticks.indexOf(tick), 1);
    },
  };
  const snapshots: LiveSnapshot[] = [];
  const connections: Connection[] = [];
  const stop = new AbortController();
  const sync = startLiveSync(
    {
      supervisor: supervisorApi(rpc.client),
      tssupervisor: tssupervisorApi(rpc.client),
      clock,
      isVisible,
      onSnapshot: (s) => snapshots.push(s),
      onConnection: (c) => connections.push(c),
    },
    stop.signal,
  );
  return {
    rpc,
    snapshots,
    connections,
    wake: () => sleeps.shift()?.(),
    tick: () => ticks.forEach((t) => t()),
    refresh: () => sync.refresh(),
    stop: () => stop.abort(),
  };
};

const statesOf = (snapshots: readonly LiveSnapshot[]): string[] | undefined =>
  snapshots.at(-1)?.processes.map((p) => p.statename);

describe('the live sync', () => {
  it('lists at once, then long-polls with the token, listing again at each change', async () => {
    let release: ((reply: FakeReply) => void) | null = null;
    const tokens: FakeReply[] = [ok('r.1'), { later: new Promise((r) => (release = r)) }];
    const sync = run(() => tokens.shift() ?? NEVER);
    await settled();
    expect(statesOf(sync.snapshots)).toEqual(['RUNNING']);
    expect(sync.connections.at(-1)).toEqual({ kind: 'live' });
    const waits = sync.rpc.calls.filter((c) => c.method === 'tssupervisor.waitForStateChange');
    expect(waits.map((c) => c.params)).toEqual([
      ['', 0],
      ['r.1', LONG_POLL_MS],
    ]);

    sync.rpc.answer('getAllProcessInfo', ok([processInfo('web', 'STOPPED')]));
    release!(ok('r.2'));
    await settled();
    expect(statesOf(sync.snapshots)).toEqual(['STOPPED']);
    sync.stop();
  });

  it('says it is reconnecting when the daemon is gone, and starts over when it is back', async () => {
    const sync = run([refused('the daemon'), ok('r2.1'), NEVER]);
    await settled();
    expect(sync.connections.at(-1)).toMatchObject({ kind: 'reconnecting', retryInMs: 250 });
    expect(sync.snapshots).toEqual([]);
    sync.wake();
    await settled();
    expect(sync.connections.at(-1)).toEqual({ kind: 'live' });
    expect(statesOf(sync.snapshots)).toEqual(['RUNNING']);
    sync.stop();
  });

  it('fetches figures every tick while the page is visible', async () => {
    let visible = true;
    const sync = run(
      (params) => (params[0] === '' ? ok('r.1') : NEVER),
      () => visible,
    );
    await settled();
    const statsCalls = (): number =>
      sync.rpc.calls.filter((c) => c.method === 'tssupervisor.getProcessStats').length;
    expect(statsCalls()).toBe(1);
    sync.tick();
    await settled();
    expect(statsCalls()).toBe(2);
    visible = false;
    sync.tick();
    await settled();
    expect(statsCalls()).toBe(2);
    sync.stop();
  });

  it('fetches health with the figures only when some process uses it', async () => {
    const sync = run((params) => (params[0] === '' ? ok('r.1') : NEVER));
    await settled();
    const healthCalls = (): number =>
      sync.rpc.calls.filter((c) => c.method === 'tssupervisor.getProcessHealth').length;
    // With the list, always.
    expect(healthCalls()).toBe(1);
    sync.tick();
    await settled();
    expect(healthCalls()).toBe(1);
    sync.rpc.answer('tssupervisor.getProcessHealth', ok([healthStruct('web', 'db')]));
    await sync.refresh();
    expect(healthCalls()).toBe(2);
    sync.tick();
    await settled();
    expect(healthCalls()).toBe(3);
    sync.stop();
  });
});
