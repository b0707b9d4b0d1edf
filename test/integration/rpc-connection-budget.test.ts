// Connection budgets on a real server: connections nobody has vouched for are evicted oldest
// first and closed at their deadline, fully (no half-open sockets left holding descriptors);
// authenticated ones, streams included, stay.

import { readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { fakeLogTail } from '../fakes/fake-log-tail.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  methodCall,
  postRpc,
  startRpcServer,
  type RpcServerOptions,
  type RpcTestServer,
  type Target,
} from './rpc-harness.js';

const auth = { username: 'admin', password: 'secret' };
const basic = `Authorization: Basic ${Buffer.from('admin:secret').toString('base64')}\r\n`;

let server: RpcTestServer | undefined;
const held: Socket[] = [];
afterEach(async () => {
  held.splice(0).forEach((socket) => socket.destroy());
  await server?.close();
  server = undefined;
});

const start = async (options: RpcServerOptions): Promise<RpcTestServer> => {
  server = await startRpcServer(options);
  return server;
};

interface Held {
  readonly socket: Socket;
  /** The server closed its side. */
  readonly ended: () => boolean;
  readonly text: () => string;
}

/** A connection kept open by the client, even after the server closes its side. */
const hold = (target: Target, bytes = ''): Promise<Held> =>
  new Promise((resolve, reject) => {
    const options = { allowHalfOpen: true };
    const socket =
      'path' in target
        ? connect({ ...options, path: target.path })
        : connect({ ...options, host: '127.0.0.1', port: target.port });
    held.push(socket);
    let ended = false;
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('end', () => (ended = true));
    socket.on('close', () => (ended = true));
    socket.on('error', () => (ended = true));
    socket.once('connect', () => {
      if (bytes !== '') {
        socket.write(bytes);
      }
      resolve({ socket, ended: () => ended, text: () => text });
    });
    socket.once('error', reject);
  });

const holdMany = async (target: Target, count: number, bytes = ''): Promise<Held[]> => {
  const sockets: Held[] = [];
  for (let i = 0; i < count; i += 1) {
    sockets.push(await hold(target, bytes));
  }
  return sockets;
};

const openFds = (): number => readdirSync('/proc/self/fd').length;

const targets = (s: RpcTestServer): [string, Target][] => [
  ['tcp', { port: s.port }],
  ['unix', { path: s.socketPath }],
];

describe.each(['tcp', 'unix'] as const)('over %s', (kind) => {
  const targetOf = (s: RpcTestServer): Target =>
    kind === 'tcp' ? { port: s.port } : { path: s.socketPath };

  it('closes the oldest idle connections beyond the budget, and serves a real client', async () => {
    const s = await start({ auth, limits: { untrustedConnections: 5 } });
    const idle = await holdMany(targetOf(s), 12);
    await waitFor(() => idle.filter((c) => c.ended()).length === 7, {
      what: 'seven evictions',
    });
    expect(idle.map((c) => c.ended())).toEqual([...Array(7).fill(true), ...Array(5).fill(false)]);
    expect(await s.client(kind, auth).call('test.add', [1, 2])).toBe(3);
    // Room for the client was made by evicting the oldest of the five.
    await waitFor(() => idle[7]?.ended(), { what: 'the next eviction' });
  });

  it('closes connections not let in by their deadline, for good', async () => {
    const s = await start({ auth, limits: { untrustedTimeoutMs: 300 } });
    const before = openFds();
    const idle = [
      ...(await holdMany(targetOf(s), 10)),
      ...(await holdMany(targetOf(s), 10, 'POST /RPC2 HTTP/1.1\r\nHost: x\r\n')),
    ];
    await waitFor(() => idle.every((c) => c.ended()), { what: 'every deadline' });
    // The clients still hold their 20 ends; the server holds none.
    await waitFor(() => openFds() <= before + 20 + 2, {
      what: `the server's descriptors to go (${openFds() - before} more than before, at first)`,
    });
  });

  it('closes a connection after its 408 for good, even if the client keeps its end', async () => {
    const s = await start({
      auth,
      limits: { headersTimeoutMs: 200, requestTimeoutMs: 400, untrustedTimeoutMs: 60_000 },
    });
    const before = openFds();
    const stalled = await holdMany(targetOf(s), 20, 'POST /RPC2 HTTP/1.1\r\nHost: x\r\n');
    await waitFor(() => stalled.every((c) => c.ended()), { what: 'every 408' });
    expect(stalled.map((c) => /^HTTP\/1\.1 408 /.test(c.text()))).not.toContain(false);
    await waitFor(() => openFds() <= before + 20 + 2, {
      timeoutMs: 2000,
      what: `the server's descriptors to go (${openFds() - before} more than before, at first)`,
    });
  });
});

it('keeps an authenticated keep-alive connection past the deadline and the evictions', async () => {
  const s = await start({ auth, limits: { untrustedConnections: 3, untrustedTimeoutMs: 300 } });
  for (const [, target] of targets(s)) {
    const client = await hold(target, postRpc(methodCall('test.add', intParams(1, 2)), basic));
    await waitFor(() => client.text().includes('<int>3</int>'), { what: 'the first answer' });
    const idle = await holdMany(target, 10);
    await waitFor(() => idle.every((c) => c.ended()), { what: 'the idle ones to go' });
    client.socket.write(postRpc(methodCall('test.add', intParams(2, 3)), basic));
    await waitFor(() => client.text().includes('<int>5</int>'), { what: 'the second answer' });
    expect(client.ended()).toBe(false);
  }
});

it('evicts the longest-idle trusted connection for a new one, never a stream', async () => {
  const logs = fakeLogTail({ 'web/stdout': 'first\n' });
  const s = await start({ logTail: logs, limits: { trustedConnections: 2 } });
  const target: Target = { port: s.port };
  const stream = await hold(target, 'GET /logtail/web HTTP/1.1\r\nHost: x\r\n\r\n');
  await waitFor(() => stream.text().includes('first\n'), { what: 'the stream' });
  const clients: Held[] = [];
  for (let i = 0; i < 3; i += 1) {
    const client = await hold(target, 'GET /ok.html HTTP/1.1\r\nHost: x\r\n\r\n');
    await waitFor(() => client.text().endsWith('OK'), { what: `answer ${i}` });
    clients.push(client);
  }
  // Two places: the stream and the newest client; each newcomer evicted the one before it.
  await waitFor(() => clients[1]?.ended(), { what: 'the second client to be evicted' });
  expect(clients.map((c) => c.ended())).toEqual([true, true, false]);
  logs.append('web/stdout', 'still here\n');
  await waitFor(() => stream.text().includes('still here\n'), { what: 'the stream to go on' });
  expect(stream.ended()).toBe(false);
});

const intParams = (...values: number[]): string =>
  values.map((v) => `<param><value><int>${v}</int></value></param>\n`).join('');
