// Round trips through our own client over the real transport, on both listeners, and how the
// client reports each kind of failure.

import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createNodeHttpClient } from '../../src/platform/node-http-client.js';
import type { HttpEndpoint } from '../../src/ports/http-client-transport.js';
import { createRpcClient } from '../../src/protocol/client.js';
import { RpcClientError, type RpcFailure } from '../../src/protocol/client-error.js';
import {
  XmlRpcDateTime,
  XmlRpcDouble,
  type XmlRpcValue,
} from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import { nested } from '../fakes/rpc-test-methods.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startRpcServer, type RpcTestServer } from './rpc-harness.js';

const failureOf = async (promise: Promise<unknown>): Promise<RpcFailure> => {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof RpcClientError) {
      return error.failure;
    }
    throw error;
  }
  throw new Error('expected the call to fail');
};

describe.each(['unix', 'tcp'] as const)('over %s', (kind) => {
  let server: RpcTestServer;
  let shuttingDown = false;
  beforeEach(async () => {
    shuttingDown = false;
    server = await startRpcServer({ shuttingDown: () => shuttingDown });
  });
  afterEach(async () => {
    await server.close();
  });

  const values: [string, XmlRpcValue][] = [
    ['int', -2147483648],
    ['boolean', true],
    ['string with markup', 'a & b < c > d ]]> "e" \'f\''],
    ['unicode', 'héllo 中文 🎉'],
    ['tabs and newlines', 'tab\tnewline\n'],
    ['empty string', ''],
    ['double', new XmlRpcDouble(0.1)],
    [
      'dateTime',
      new XmlRpcDateTime({ year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59 }),
    ],
    ['nested structures', { list: [1, 'two', { three: [true, false] }], empty: {}, none: [] }],
    ['deep nesting', nested(100)],
    ['big array', Array.from({ length: 10_000 }, (_, i) => i)],
  ];

  it.each(values)('echoes %s', async (_label, value) => {
    expect(await server.client(kind).call('test.echo', [value])).toEqual(value);
  });

  it('turns CR into LF, as any XML parser does with an unescaped CR (Python too)', async () => {
    expect(await server.client(kind).call('test.echo', ['a\r\nb\rc'])).toBe('a\nb\nc');
  });

  it('reuses one kept-alive connection for many calls', async () => {
    const client = server.client(kind);
    for (let i = 0; i < 50; i += 1) {
      expect(await client.call('test.add', [i, 1])).toBe(i + 1);
    }
  });

  it('serves calls in parallel', async () => {
    const client = server.client(kind);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.call('test.add', [i, i])),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i));
  });

  it('reports faults with their code, string and name', async () => {
    const client = server.client(kind);
    expect(await failureOf(client.call('test.badName', ['nope']))).toEqual({
      kind: 'fault',
      faultCode: 10,
      faultString: 'BAD_NAME: nope',
      fault: 'BAD_NAME',
    });
    expect(await failureOf(client.call('no.such'))).toMatchObject({ fault: 'UNKNOWN_METHOD' });
    expect(await failureOf(client.call('test.add', [1]))).toMatchObject({
      faultString: 'INCORRECT_PARAMETERS',
    });
  });

  it('answers SHUTDOWN_STATE for supervisor.* while shutting down', async () => {
    const client = server.client(kind);
    expect(await client.call('supervisor.getAPIVersion')).toBe('3.0');
    shuttingDown = true;
    expect(await failureOf(client.call('supervisor.getAPIVersion'))).toMatchObject({
      faultCode: 6,
      faultString: 'SHUTDOWN_STATE',
    });
    expect(await client.call('supervisor.sendRemoteCommEvent', ['t', 'd'])).toBe(true);
  });

  it('turns a handler crash or an unencodable result into HTTP 500, and carries on', async () => {
    const client = server.client(kind);
    expect(await failureOf(client.call('test.crash'))).toEqual({
      kind: 'http-status',
      status: 500,
      reason: 'Internal Server Error',
    });
    expect(await failureOf(client.call('test.tooBig'))).toMatchObject({ status: 500 });
    expect(await client.call('test.add', [1, 1])).toBe(2);
    expect(server.logs.some((line) => line.includes('TypeError: boom'))).toBe(true);
    expect(server.logs.some((line) => line.includes('exceeds XML-RPC limits'))).toBe(true);
  });

  it('runs multicall in order, mixing values and fault structs', async () => {
    const result = await server.client(kind).call('system.multicall', [
      [
        { methodName: 'test.add', params: [1, 2] },
        { methodName: 'test.badName', params: ['x'] },
        { methodName: 'test.crash', params: [] },
        { methodName: 'system.multicall', params: [[]] },
      ],
    ]);
    expect(result).toEqual([
      3,
      { faultCode: 10, faultString: 'BAD_NAME: x' },
      { faultCode: 30, faultString: 'FAILED: TypeError:boom' },
      { faultCode: 2, faultString: 'INCORRECT_PARAMETERS: Recursive system.multicall forbidden' },
    ]);
  });
});

describe('client failures', () => {
  const client = (endpoint: HttpEndpoint) =>
    createRpcClient({
      endpoint,
      username: null,
      password: null,
      transport: createNodeHttpClient(),
    });

  it('tells a missing socket file from a refused connection', async () => {
    const dir = makeTempDir('tss-rpc-');
    try {
      const missing = client({ kind: 'unix', path: dir.join('missing.sock') });
      expect(await failureOf(missing.call('system.listMethods'))).toEqual({
        kind: 'socket-missing',
        server: `unix://${dir.join('missing.sock')}`,
      });
      writeFileSync(dir.join('not-a-socket'), '');
      const refused = client({ kind: 'unix', path: dir.join('not-a-socket') });
      expect(await failureOf(refused.call('system.listMethods'))).toMatchObject({
        kind: 'connection-refused',
      });
    } finally {
      dir.remove();
    }
  });

  it('reports a refused TCP connection', async () => {
    const probe = createServer();
    const port = await new Promise<number>((resolve) => {
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
    await new Promise((resolve) => probe.close(resolve));
    expect(await failureOf(client({ kind: 'tcp', host: '127.0.0.1', port }).call('a.b'))).toEqual({
      kind: 'connection-refused',
      server: `http://127.0.0.1:${port}`,
    });
  });

  describe('against a server that answers nonsense', () => {
    let fake: Server;
    let port = 0;
    let reply = '';
    beforeEach(async () => {
      fake = createServer((socket) => {
        socket.once('data', () => socket.end(reply));
      });
      await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
      const address = fake.address();
      port = typeof address === 'object' && address !== null ? address.port : 0;
    });
    afterEach(async () => {
      await new Promise((resolve) => fake.close(resolve));
    });
    const http200 = (body: string): string =>
      `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

    it.each([
      ['not XML', http200('hello'), /not well-formed XML/],
      [
        'a call, not a response',
        http200('<methodCall><methodName>a.b</methodName></methodCall>'),
        /expected <methodResponse>/,
      ],
      ['a DOCTYPE', http200('<!DOCTYPE x><methodResponse/>'), /DOCTYPE is not allowed/],
    ])('reports %s as a malformed response', async (_label, raw, message) => {
      reply = raw;
      expect(await failureOf(client({ kind: 'tcp', host: '127.0.0.1', port }).call('a.b'))).toEqual(
        {
          kind: 'malformed-response',
          message: expect.stringMatching(message),
        },
      );
    });

    it('reports a connection closed mid-response', async () => {
      reply = 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort';
      expect(
        await failureOf(client({ kind: 'tcp', host: '127.0.0.1', port }).call('a.b')),
      ).toMatchObject({
        kind: 'transport-failed',
      });
    });
  });
});
