// The contract between server and clients, struct by struct: what the server's encoder builds,
// sent as the server sends it (the chunked XML-RPC response encoder), through the real client
// and its typed reader, comes back unchanged.

import { describe, expect, it } from 'vitest';

import { processFacts } from '../../test/fakes/process-facts.js';
import { fakeHttpClient, http200 } from '../../test/fakes/fake-http-client.js';
import { processConfig, programGroup } from '../../test/fakes/program-config.js';
import { createRpcClient, type RpcClient } from './client.js';
import { encodeConfigChanges } from './config-changes.js';
import { encodeConfigInfo } from './config-info.js';
import { encodeProcessInfo } from './process-info.js';
import { encodeProcessHealth } from './process-health.js';
import { encodeProcessStats } from './process-stats.js';
import { encodeStatusResult } from './status-result.js';
import { supervisorApi } from './supervisor-api.js';
import { tssupervisorApi } from './tssupervisor-api.js';
import { encodeMethodResponseChunks } from './xmlrpc/xmlrpc-encode.js';
import type { XmlRpcValue } from './xmlrpc/xmlrpc-value.js';

/** The response body the server's endpoint would send for `value`. */
const responseText = (value: XmlRpcValue): string => {
  const encoded = encodeMethodResponseChunks(value);
  if (!encoded.ok) {
    throw new Error(encoded.message);
  }
  let text = '';
  for (let chunk = encoded.document.nextChunk(); chunk !== undefined;) {
    text += chunk;
    chunk = encoded.document.nextChunk();
  }
  return text;
};

/** A real client whose every call is answered with `value`. */
const answering = (value: XmlRpcValue): RpcClient =>
  createRpcClient({
    endpoint: { kind: 'unix', path: '/run/contract.sock' },
    username: null,
    password: null,
    transport: fakeHttpClient(() => http200(responseText(value))),
  });

const facts = processFacts;

const NOW_SEC = 1_704_110_400;

describe('process info (getProcessInfo, getAllProcessInfo)', () => {
  const structs = [
    encodeProcessInfo(facts({}), NOW_SEC),
    encodeProcessInfo(
      facts({
        name: 'w_0',
        group: 'pool',
        state: 'RUNNING',
        pid: 4242,
        startedAtSec: NOW_SEC - 3700,
        stdoutLogfile: '/var/log/w_0.log',
        stderrLogfile: '/var/log/w_0.err',
        reason: 'liveness failing: HTTP 503 (1/3)',
      }),
      NOW_SEC,
    ),
    encodeProcessInfo(
      facts({ state: 'FATAL', spawnErr: 'can’t find command "<nope>" & co', exitStatus: -1 }),
      NOW_SEC,
    ),
    // Past 2038: timestamps saturate at 32 bits rather than fail the call.
    encodeProcessInfo(
      facts({ state: 'EXITED', startedAtSec: 2 ** 31 + 5, stoppedAtSec: 2 ** 31 + 9 }),
      2 ** 31 + 10,
    ),
  ];

  it.each(structs.map((struct) => [struct.statename, struct]))('%s', async (_, struct) => {
    expect(await supervisorApi(answering(struct)).getProcessInfo('web')).toEqual(struct);
  });

  it('all of them at once', async () => {
    expect(await supervisorApi(answering(structs)).getAllProcessInfo()).toEqual(structs);
  });
});

describe('status results (group and all-process operations)', () => {
  const structs = [
    encodeStatusResult('pool', 'w_0', undefined),
    encodeStatusResult('pool', 'w_1', { fault: 'SPAWN_ERROR', detail: 'pool:w_1' }),
    encodeStatusResult('pool', 'w_2', { fault: 'NOT_RUNNING' }),
  ];

  it('start, stop, signal and clear read them alike', async () => {
    const api = supervisorApi(answering(structs));
    expect(await api.startProcessGroup('pool')).toEqual(structs);
    expect(await api.stopAllProcesses()).toEqual(structs);
    expect(await api.signalAllProcesses('HUP')).toEqual(structs);
    expect(await api.clearAllProcessLogs()).toEqual(structs);
    expect(await tssupervisorApi(answering(structs)).rollingRestart('pool')).toEqual(structs);
  });
});

describe('config info (getAllConfigInfo)', () => {
  const group = programGroup('web');
  const structs = [
    encodeConfigInfo(group, processConfig('web'), false, undefined),
    encodeConfigInfo(
      group,
      processConfig('web', {
        redirectStderr: true,
        user: { name: 'nobody', uid: 65534, gid: 65534 },
        stopSignal: 'INT',
        exitCodes: [0, 2],
        serverUrl: 'unix:///tmp/s.sock',
        directory: '/srv',
      }),
      true,
      { stdout: '/l/web-stdout---x-abc.log', stderr: null },
    ),
  ];

  it('every key, none and auto included', async () => {
    expect(await supervisorApi(answering(structs)).getAllConfigInfo()).toEqual(structs);
  });
});

describe('config changes (reloadConfig)', () => {
  it('[[added, changed, removed]]', async () => {
    const changes = { added: ['new'], changed: [], removed: ['old', 'older'] };
    expect(await supervisorApi(answering(encodeConfigChanges(changes))).reloadConfig()).toEqual(
      changes,
    );
  });
});

describe('process stats (tssupervisor.getProcessStats)', () => {
  const structs = [
    encodeProcessStats(
      { name: 'w_0', group: 'pool', pid: 4242 },
      { cpuPercent: 12.345, rssBytes: 52_428_800, processCount: 3, cpuSeconds: 9 },
      2,
    ),
    encodeProcessStats({ name: 'idle', group: 'idle', pid: 0 }, undefined, 0),
    // Beyond 32 bits of KiB: capped, not a failed call.
    encodeProcessStats(
      { name: 'huge', group: 'huge', pid: 7 },
      { cpuPercent: 400, rssBytes: 2 ** 45, processCount: 1, cpuSeconds: 1 },
      0,
    ),
  ];

  it('the double as a plain number, the rest as sent', async () => {
    expect(await tssupervisorApi(answering(structs)).getProcessStats()).toEqual(
      structs.map((s) => ({ ...s, cpu_percent: s.cpu_percent.value })),
    );
  });
});

describe('process health (tssupervisor.getProcessHealth)', () => {
  const plain = {
    name: 'cron',
    group: 'cron',
    state: 'RUNNING',
    readiness: 'none',
    liveness: 'none',
    probeFailures: 0,
    waitingFor: null,
    restartInMs: null,
    dependsOn: [],
    reason: null,
  };
  const structs = [
    encodeProcessHealth(plain),
    encodeProcessHealth({
      ...plain,
      name: 'web_0',
      group: 'web',
      state: 'STARTING',
      readiness: 'pending',
      liveness: 'down',
      probeFailures: 4,
      waitingFor: 'db (ready)',
      dependsOn: ['db:ready', 'migrate:completed'],
      reason: 'waiting for db (ready)',
    }),
    encodeProcessHealth({ ...plain, state: 'BACKOFF', restartInMs: 7_260 }),
  ];

  it('the double as a plain number, the rest as sent; none pending is -1', async () => {
    const read = await tssupervisorApi(answering(structs)).getProcessHealth();
    expect(read).toEqual(structs.map((s) => ({ ...s, restart_in: s.restart_in.value })));
    expect(read.map((h) => h.restart_in)).toEqual([-1, -1, 7.3]);
    expect(read[1]?.waiting_for).toBe('db (ready)');
  });
});

describe('the change token (tssupervisor.waitForStateChange)', () => {
  it('a string, as sent', async () => {
    expect(await tssupervisorApi(answering('lq3x.17')).waitForStateChange('', 0)).toBe('lq3x.17');
  });
});
