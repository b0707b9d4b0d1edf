// Every event type, byte for byte, as real listeners receive it from our daemon: a Python one
// (stdlib, childutils-style text reads) subscribed to EVENT and a Node one reading raw bytes.

import { appendFileSync, readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  startDaemon,
} from '../helpers/daemon-harness.js';
import {
  type Envelope,
  hasEvent,
  LISTENER_MJS,
  LISTENER_PY,
  PYTHON,
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

const BEGIN = '<!--XSUPERVISOR:BEGIN-->';
const END = '<!--XSUPERVISOR:END-->';
/** One write on stdout (so one read), one on stderr, then a clean exit. */
const TALKER =
  `${PYTHON} -c "import os,sys,time; ` +
  `os.write(1, 'h\\u00e9llo w\\u00f6rld \\u2713\\npre${BEGIN}capt\\u00e9${END}post\\n'.encode()); ` +
  `time.sleep(0.2); os.write(2, b'oops\\n'); time.sleep(0.5)"`;

const config = baseConfig(`
[eventlistener:rec]
command=${LISTENER_PY} %(here)s/rec.bin --env
events=EVENT
buffer_size=100

[eventlistener:noderec]
command=${LISTENER_MJS} %(here)s/noderec.bin
events=PROCESS_LOG,PROCESS_COMMUNICATION,REMOTE_COMMUNICATION
buffer_size=100

[program:talker]
command=${TALKER}
startsecs=0
autorestart=false
stdout_events_enabled=true
stderr_events_enabled=true
stdout_capture_maxbytes=1MB

[program:crashy]
command=${node} ${PROGRAMS}/exit-with.mjs 1
startretries=0

[program:sleeper]
command=${node} ${PROGRAMS}/forever.mjs
startsecs=0

[program:stubborn]
command=${node} ${PROGRAMS}/ignore-sigterm.mjs
startsecs=0
stopwaitsecs=2
`);

const pidOf = (log: string, name: string): number => {
  const m = new RegExp(`spawned: '${name}' with pid (\\d+)`).exec(log);
  if (m === null) {
    throw new Error(`no pid for ${name} in\n${log}`);
  }
  return Number(m[1]);
};

const find = (envelopes: Envelope[], name: string, payloadStart: string): Envelope => {
  const found = envelopes.find((e) => e.name === name && e.payload.startsWith(payloadStart));
  if (found === undefined) {
    throw new Error(`no ${name} ${payloadStart} in\n${envelopes.map((e) => e.text).join('\n')}`);
  }
  return found;
};

describe('events as listeners receive them', () => {
  it('sends every event type with supervisord’s exact header and payload tokens', async () => {
    daemon = startDaemon(config);
    const rec = daemon.dir.join('rec.bin');
    await waitForRecords(
      rec,
      (e) =>
        hasEvent('PROCESS_STATE_EXITED', 'processname:talker')(e) &&
        hasEvent('PROCESS_STATE_FATAL', 'processname:crashy')(e) &&
        hasEvent('PROCESS_STATE_RUNNING', 'processname:sleeper')(e),
    );
    const rpc = rpcClient(daemon.dir.join('supervisor.sock'));
    try {
      expect(await rpc.call('supervisor.sendRemoteCommEvent', ['deploy', 'vérsion 2 ✓ 😀'])).toBe(
        true,
      );
      await rpc.call('supervisor.stopProcess', ['sleeper']);
      expect(await rpc.call('supervisor.removeProcessGroup', ['sleeper'])).toBe(true);
    } finally {
      rpc.close();
    }
    await waitForRecords(rec, (e) => hasEvent('PROCESS_GROUP_REMOVED')(e) && hasEvent('TICK_5')(e));
    const log = daemon.mainLog();
    await daemon.stop();
    const all = readRecords(rec);

    // Every envelope: the header tokens in order; this pool takes every numbered event.
    all.forEach((e, i) => {
      expect(e.header).toBe(
        `ver:3.0 server:supervisor serial:${i} pool:rec poolserial:${i} ` +
          `eventname:${e.name} len:${Array.from(e.payload).length}`,
      );
    });

    // A pool sees its own PROCESS_GROUP_ADDED and those of the groups created after it (noderec
    // sorts before rec); then RUNNING, before any process starts.
    expect(all.slice(0, 6).map((e) => e.text)).toEqual([
      'ver:3.0 server:supervisor serial:0 pool:rec poolserial:0 eventname:PROCESS_GROUP_ADDED len:14\ngroupname:rec\n',
      'ver:3.0 server:supervisor serial:1 pool:rec poolserial:1 eventname:PROCESS_GROUP_ADDED len:17\ngroupname:crashy\n',
      'ver:3.0 server:supervisor serial:2 pool:rec poolserial:2 eventname:PROCESS_GROUP_ADDED len:18\ngroupname:sleeper\n',
      'ver:3.0 server:supervisor serial:3 pool:rec poolserial:3 eventname:PROCESS_GROUP_ADDED len:19\ngroupname:stubborn\n',
      'ver:3.0 server:supervisor serial:4 pool:rec poolserial:4 eventname:PROCESS_GROUP_ADDED len:17\ngroupname:talker\n',
      'ver:3.0 server:supervisor serial:5 pool:rec poolserial:5 eventname:SUPERVISOR_STATE_CHANGE_RUNNING len:0\n',
    ]);

    const talker = pidOf(log, 'talker');
    const sleeper = pidOf(log, 'sleeper');
    const stubborn = pidOf(log, 'stubborn');
    const payload = (name: string, start: string): string => find(all, name, start).payload;
    const state = (p: string): string => `processname:${p} groupname:${p}`;
    for (const p of ['rec', 'noderec', 'talker', 'crashy', 'sleeper', 'stubborn']) {
      expect(payload('PROCESS_STATE_STARTING', state(p))).toBe(
        `${state(p)} from_state:STOPPED tries:0`,
      );
    }
    expect(payload('PROCESS_STATE_RUNNING', state('talker'))).toBe(
      `${state('talker')} from_state:STARTING pid:${talker}`,
    );
    expect(payload('PROCESS_STATE_EXITED', state('talker'))).toBe(
      `${state('talker')} from_state:RUNNING expected:1 pid:${talker}`,
    );
    expect(payload('PROCESS_STATE_BACKOFF', state('crashy'))).toBe(
      `${state('crashy')} from_state:STARTING tries:1`,
    );
    expect(payload('PROCESS_STATE_FATAL', state('crashy'))).toBe(
      `${state('crashy')} from_state:BACKOFF`,
    );
    expect(payload('PROCESS_STATE_STOPPING', state('sleeper'))).toBe(
      `${state('sleeper')} from_state:RUNNING pid:${sleeper}`,
    );
    expect(payload('PROCESS_STATE_STOPPED', state('sleeper'))).toBe(
      `${state('sleeper')} from_state:STOPPING pid:${sleeper}`,
    );
    expect(payload('PROCESS_GROUP_REMOVED', '')).toBe('groupname:sleeper\n');

    // Output: PROCESS_LOG carries every byte (captured text too), capture mode cuts out one
    // PROCESS_COMMUNICATION, and len counts characters, not bytes.
    const logHead = `processname:talker groupname:talker pid:${talker} channel:stdout\n`;
    const stdoutData = all
      .filter((e) => e.name === 'PROCESS_LOG_STDOUT')
      .map((e) => {
        expect(e.payload.startsWith(logHead)).toBe(true);
        return e.payload.slice(logHead.length);
      })
      .join('');
    expect(stdoutData).toBe('héllo wörld ✓\npre' + 'capté' + 'post\n');
    const comm = find(all, 'PROCESS_COMMUNICATION_STDOUT', '');
    const commPayload = `processname:talker groupname:talker pid:${talker}\ncapté`;
    expect(comm.text).toBe(
      `ver:3.0 server:supervisor serial:${comm.serial} pool:rec poolserial:${comm.serial} ` +
        `eventname:PROCESS_COMMUNICATION_STDOUT len:${commPayload.length}\n${commPayload}`,
    );
    // é is one character (len) and two bytes
    expect(Buffer.byteLength(comm.payload)).toBe(commPayload.length + 1);
    expect(payload('PROCESS_LOG_STDERR', '')).toBe(
      `processname:talker groupname:talker pid:${talker} channel:stderr\noops\n`,
    );
    const remote = find(all, 'REMOTE_COMMUNICATION', '');
    expect(remote.payload).toBe('type:deploy\nvérsion 2 ✓ 😀');
    expect(remote.header).toMatch(/ len:25$/);

    const tick = find(all, 'TICK_5', '');
    expect(tick.payload).toMatch(/^when:\d+$/);
    expect(Number(tick.payload.slice(5)) % 5).toBe(0);
    expect(Math.abs(Number(tick.payload.slice(5)) - Date.now() / 1000)).toBeLessThan(60);

    // Shutdown: announced once, and delivered while the listener is still up.
    expect(all.filter((e) => e.name === 'SUPERVISOR_STATE_CHANGE_STOPPING')).toHaveLength(1);
    expect(payload('PROCESS_STATE_STOPPING', state('stubborn'))).toBe(
      `${state('stubborn')} from_state:RUNNING pid:${stubborn}`,
    );

    // The Node listener (raw bytes, len as code points) got the same envelopes for its types,
    // numbered by its own pool serial.
    const nodeRecords = readRecords(daemon.dir.join('noderec.bin'));
    expect(nodeRecords.length).toBeGreaterThanOrEqual(5);
    expect(nodeRecords.map((e) => e.name)).toEqual(
      all
        .filter((e) => /^(PROCESS_LOG|PROCESS_COMMUNICATION|REMOTE_COMMUNICATION)/.test(e.name))
        .map((e) => e.name),
    );
    nodeRecords.forEach((e, i) => {
      const same = all.find((r) => r.serial === e.serial);
      expect(e.text).toBe(
        same?.text
          .replace(' pool:rec ', ' pool:noderec ')
          .replace(/ poolserial:\d+ /, ` poolserial:${i} `),
      );
    });
  });

  it('a pool added at run time sees its own PROCESS_GROUP_ADDED, and the others see it too', async () => {
    daemon = startDaemon(
      baseConfig(`
[eventlistener:rec]
command=${LISTENER_PY} %(here)s/rec.bin
events=PROCESS_GROUP
`),
    );
    await waitForRecords(daemon.dir.join('rec.bin'), (e) => e.length >= 1);
    appendFileSync(
      daemon.configPath,
      `\n[eventlistener:late]\ncommand=${LISTENER_MJS} %(here)s/late.bin\nevents=PROCESS_GROUP\n`,
    );
    const rpc = rpcClient(daemon.dir.join('supervisor.sock'));
    try {
      await rpc.call('supervisor.reloadConfig');
      expect(await rpc.call('supervisor.addProcessGroup', ['late'])).toBe(true);
      await waitForRecords(daemon.dir.join('late.bin'), (e) => e.length >= 1);
      await rpc.call('supervisor.stopProcessGroup', ['late']);
      expect(await rpc.call('supervisor.removeProcessGroup', ['late'])).toBe(true);
    } finally {
      rpc.close();
    }
    const rec = await waitForRecords(daemon.dir.join('rec.bin'), (e) => e.length >= 3);
    expect(rec.map((e) => e.payload)).toEqual([
      'groupname:rec\n',
      'groupname:late\n',
      'groupname:late\n',
    ]);
    expect(rec.map((e) => e.name)).toEqual([
      'PROCESS_GROUP_ADDED',
      'PROCESS_GROUP_ADDED',
      'PROCESS_GROUP_REMOVED',
    ]);
    expect(readRecords(daemon.dir.join('late.bin')).map((e) => e.text)).toEqual([
      'ver:3.0 server:supervisor serial:1 pool:late poolserial:0 eventname:PROCESS_GROUP_ADDED len:15\ngroupname:late\n',
    ]);
  });

  it('gives listeners the SUPERVISOR_* environment childutils needs', async () => {
    daemon = startDaemon(config);
    const envFile = daemon.dir.join('rec.bin.env');
    await waitForRecords(daemon.dir.join('rec.bin'), (e) => e.length > 0);
    const env = JSON.parse(readFileSync(envFile, 'utf8')) as Record<string, string>;
    expect(env).toEqual({
      SUPERVISOR_ENABLED: '1',
      SUPERVISOR_SERVER_URL: `unix://${daemon.dir.join('supervisor.sock')}`,
      SUPERVISOR_PROCESS_NAME: 'rec',
      SUPERVISOR_GROUP_NAME: 'rec',
    });
  });
});
