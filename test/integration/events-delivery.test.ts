// Listeners that answer FAIL, die holding an event, write garbage, are slow, or cannot keep up:
// events come again or are dropped only as buffer_size allows, and the daemon never waits.

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  hasEvent,
  LISTENER_MJS,
  LISTENER_PY,
  readRecords,
  rpcClient,
  waitForRecords,
} from './events-records.js';

const node = process.execPath;
let daemon: RunningDaemon | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
});

const UNKNOWN_WARN =
  'has entered the UNKNOWN state and will no longer receive events, this usually indicates the process violated the eventlistener protocol';

describe.each([
  ['Python', LISTENER_PY],
  ['Node', LISTENER_MJS],
])('a %s listener', (_kind, listener) => {
  it('that answers FAIL gets the same event again, byte for byte, before newer ones', async () => {
    daemon = startDaemon(
      baseConfig(`
[eventlistener:rec]
command=${listener} %(here)s/rec.bin --fail-first 2
events=PROCESS_GROUP

[program:web]
command=${node} ${PROGRAMS}/forever.mjs
`),
    );
    const rec = daemon.dir.join('rec.bin');
    const got = await waitForRecords(rec, (e) => e.length >= 4);
    expect(got.map((e) => e.text)).toEqual([
      'ver:3.0 server:supervisor serial:0 pool:rec poolserial:0 eventname:PROCESS_GROUP_ADDED len:14\ngroupname:rec\n',
      'ver:3.0 server:supervisor serial:0 pool:rec poolserial:0 eventname:PROCESS_GROUP_ADDED len:14\ngroupname:rec\n',
      'ver:3.0 server:supervisor serial:0 pool:rec poolserial:0 eventname:PROCESS_GROUP_ADDED len:14\ngroupname:rec\n',
      'ver:3.0 server:supervisor serial:1 pool:rec poolserial:1 eventname:PROCESS_GROUP_ADDED len:14\ngroupname:web\n',
    ]);
    const log = await daemon.waitForLog('DEBG rec: event was processed');
    expect(log.match(/WARN rec: event was rejected/g)).toHaveLength(2);
    expect(log).toContain('DEBG rebuffering event 0 for pool rec (buf size=1, max=10)');
  });

  it('that dies holding an event gets it again after its respawn', async () => {
    daemon = startDaemon(
      baseConfig(`
[eventlistener:rec]
command=${listener} %(here)s/rec.bin --die-once
events=PROCESS_GROUP
autorestart=true
`),
    );
    const got = await waitForRecords(daemon.dir.join('rec.bin'), (e) => e.length >= 2);
    expect(got[1]?.text).toBe(got[0]?.text);
    const pids = spawnedPids(daemon.mainLog());
    expect(pids).toHaveLength(2);
    expect(daemon.mainLog()).toContain('exited: rec (exit status 3; not expected)');
  });
});

describe('a pool of several listeners', () => {
  it('hands each event to the first listener that is free, in config order', async () => {
    daemon = startDaemon(
      baseConfig(`
[eventlistener:pool]
command=${LISTENER_PY} %(here)s/rec-%(process_num)d.bin --sleep 1000
process_name=%(program_name)s_%(process_num)d
numprocs=2
events=REMOTE_COMMUNICATION
`),
    );
    await daemon.waitForLog(
      /success: pool_0 entered RUNNING[\s\S]*success: pool_1 entered RUNNING|success: pool_1 entered RUNNING[\s\S]*success: pool_0 entered RUNNING/,
    );
    const rpc = rpcClient(daemon.dir.join('supervisor.sock'));
    try {
      for (const data of ['one', 'two', 'three']) {
        await rpc.call('supervisor.sendRemoteCommEvent', ['t', data]);
      }
    } finally {
      rpc.close();
    }
    const both = (): string[] => {
      const records = [
        ...readRecords(daemon?.dir.join('rec-0.bin') ?? ''),
        ...readRecords(daemon?.dir.join('rec-1.bin') ?? ''),
      ];
      return records.length === 3 ? records.map((e) => e.payload) : [];
    };
    await waitFor(() => both().length === 3);
    // one goes to pool_0 (first in order), two to pool_1 (pool_0 is busy); three to whichever
    // finished first.
    expect(readRecords(daemon.dir.join('rec-0.bin'))[0]?.payload).toBe('type:t\none');
    expect(readRecords(daemon.dir.join('rec-1.bin'))[0]?.payload).toBe('type:t\ntwo');
    expect(both().sort()).toEqual(['type:t\none', 'type:t\nthree', 'type:t\ntwo']);
  });
});

describe('protocol violations', () => {
  it('garbage instead of READY: the WARN, the listener stays RUNNING, a respawn resets it', async () => {
    daemon = startDaemon(
      baseConfig(`
[eventlistener:rec]
command=${LISTENER_PY} %(here)s/rec.bin --garbage-once
events=REMOTE_COMMUNICATION
`),
    );
    await daemon.waitForLog(`WARN rec: ${UNKNOWN_WARN}`);
    await daemon.waitForLog('success: rec entered RUNNING state');
    const rpc = rpcClient(daemon.dir.join('supervisor.sock'));
    try {
      await rpc.call('supervisor.sendRemoteCommEvent', ['t', 'held']);
      const info = (await rpc.call('supervisor.getProcessInfo', ['rec'])) as { statename: string };
      expect(info.statename).toBe('RUNNING');
      expect(readRecords(daemon.dir.join('rec.bin'))).toEqual([]);
      // Restarting the process gives it a fresh listener state; the held event is delivered.
      await rpc.call('supervisor.stopProcess', ['rec']);
      await rpc.call('supervisor.startProcess', ['rec']);
    } finally {
      rpc.close();
    }
    const got = await waitForRecords(daemon.dir.join('rec.bin'), (e) => e.length >= 1);
    expect(got[0]?.payload).toBe('type:t\nheld');
  });

  it('a result line that is not a number: both WARN lines; other pools are not affected', async () => {
    daemon = startDaemon(
      baseConfig(`
[eventlistener:bad]
command=${LISTENER_PY} %(here)s/bad.bin --bad-result
events=PROCESS_GROUP
priority=1

[eventlistener:good]
command=${LISTENER_PY} %(here)s/good.bin
events=PROCESS_GROUP
priority=2
`),
    );
    const log = await daemon.waitForLog(`WARN bad: ${UNKNOWN_WARN}`);
    expect(log).toContain("WARN bad: bad result line: 'RESULT x'");
    // The bad listener got its first event only; the good pool is not affected by the rejection.
    await waitForRecords(daemon.dir.join('good.bin'), (e) => e.length >= 1);
    expect(readRecords(daemon.dir.join('bad.bin')).map((e) => e.serial)).toEqual([0]);
    expect(readRecords(daemon.dir.join('good.bin')).map((e) => e.payload)).toEqual([
      'groupname:good\n',
    ]);
  });
});

describe('buffer_size', () => {
  it('drops the oldest events with the ERRO line while the listener is not up yet', async () => {
    daemon = startDaemon(
      baseConfig(`
[eventlistener:rec]
command=${LISTENER_PY} %(here)s/rec.bin
events=PROCESS_STATE
buffer_size=2

[program:a]
command=${node} ${PROGRAMS}/forever.mjs
startsecs=0
numprocs=3
process_name=%(program_name)s_%(process_num)d
`),
    );
    // rec STARTING + 3 × (STARTING, RUNNING) arrive during the listener's startsecs.
    const got = await waitForRecords(daemon.dir.join('rec.bin'), (e) =>
      hasEvent('PROCESS_STATE_RUNNING', 'processname:rec')(e),
    );
    const first = got[0]?.serial ?? -1;
    expect(first).toBeGreaterThan(0);
    const log = daemon.mainLog();
    for (let serial = 0; serial < first; serial++) {
      expect(log).toContain(`ERRO pool rec event buffer overflowed, discarding event ${serial}`);
    }
    // Nothing after the first survivor is lost.
    expect(got.map((e) => e.serial)).toEqual(got.map((_e, i) => first + i));
    expect(log.match(/event buffer overflowed/g)).toHaveLength(first);
  });
});

describe('a slow listener', () => {
  it('never holds up supervision, and receives every event in order once it catches up', async () => {
    daemon = startDaemon(
      baseConfig(`
[eventlistener:slow]
command=${LISTENER_PY} %(here)s/slow.bin --sleep 150
events=PROCESS_STATE
buffer_size=1000

[program:flappy]
command=${node} ${PROGRAMS}/exit-with.mjs 0 50
startsecs=0
autorestart=true
`),
    );
    const rpc = rpcClient(daemon.dir.join('supervisor.sock'));
    try {
      await daemon.waitForLog('success: slow entered RUNNING state');
      // flappy keeps restarting while the listener needs 150 ms per event.
      await waitFor(() => spawnedPids(daemon?.mainLog() ?? '').length >= 10, { timeoutMs: 10_000 });
      const t0 = Date.now();
      expect(await rpc.call('supervisor.getState')).toEqual({ statecode: 1, statename: 'RUNNING' });
      expect(Date.now() - t0).toBeLessThan(1_000);
      const slow = daemon.dir.join('slow.bin');
      expect(readRecords(slow).length).toBeLessThan(20);
      await rpc.call('supervisor.stopProcess', ['flappy']);
      const state = (await rpc.call('supervisor.getProcessInfo', ['flappy'])) as { pid: number };
      expect(state.pid).toBe(0);
      const log = daemon.mainLog();
      const expected = (log.match(/spawned: 'flappy'/g) ?? []).length;
      const got = await waitForRecords(
        slow,
        (e) => hasEvent('PROCESS_STATE_STOPPED', 'processname:flappy')(e),
        60_000,
      );
      expect(got.map((e) => e.serial)).toEqual(got.map((_e, i) => (got[0]?.serial ?? 0) + i));
      const flappyStarts = got.filter(
        (e) => e.name === 'PROCESS_STATE_STARTING' && e.payload.includes('processname:flappy'),
      );
      expect(flappyStarts).toHaveLength(expected);
      expect(daemon.mainLog()).not.toContain('overflowed');
    } finally {
      rpc.close();
    }
  }, 90_000);
});
