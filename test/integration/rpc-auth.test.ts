// Basic authentication on a real server: plain and {SHA} passwords, on both listeners, for every
// endpoint, with supervisord's 401 answer; our client and curl as callers.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { RpcClientError } from '../../src/protocol/client-error.js';
import {
  exchangeRaw,
  hasCompleteResponse,
  startRpcServer,
  type RpcTestServer,
} from './rpc-harness.js';

const run = promisify(execFile);
const sha = (text: string): string => `{SHA}${createHash('sha1').update(text).digest('hex')}`;

let server: RpcTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each([
  ['a plain password', 'pässword'],
  ['a {SHA} password', sha('pässword')],
])('with %s', (_label, stored) => {
  it.each(['unix', 'tcp'] as const)(
    'lets the right user in over %s, and no one else',
    async (kind) => {
      server = await startRpcServer({ auth: { username: 'admin', password: stored } });
      expect(
        await server
          .client(kind, { username: 'admin', password: 'pässword' })
          .call('test.add', [1, 2]),
      ).toBe(3);
      for (const credentials of [
        undefined,
        { username: 'admin', password: 'wrong' },
        { username: 'root', password: 'pässword' },
      ]) {
        const failure = await server
          .client(kind, credentials)
          .call('test.add', [1, 2])
          .catch((error: unknown) => (error instanceof RpcClientError ? error.failure : error));
        expect(failure).toEqual({ kind: 'http-status', status: 401, reason: 'Unauthorized' });
      }
    },
  );
});

it('answers 401 on every path, with supervisord headers, and closes', async () => {
  server = await startRpcServer({ auth: { username: 'admin', password: 'secret' } });
  for (const path of ['/RPC2', '/ok.html', '/logtail/x', '/mainlogtail', '/index.html']) {
    const result = await exchangeRaw(
      { port: server.port },
      `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(result.closed).toBe(true);
    expect(result.text).toMatch(
      /^HTTP\/1.1 401 Unauthorized\r\nServer: Medusa\/1.12\r\nDate: .+ GMT\r\nConnection: close\r\nWWW-Authenticate: Basic realm="default"\r\nContent-Length: 137\r\nContent-Type: text\/html\r\n\r\n<head>/,
    );
  }
});

it('answers 401 only after taking in the body, so the client sees it', async () => {
  server = await startRpcServer({ auth: { username: 'admin', password: 'secret' } });
  const body = 'x'.repeat(200_000);
  const result = await exchangeRaw(
    { path: server.socketPath },
    `POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    { until: hasCompleteResponse },
  );
  expect(result.text).toMatch(/^HTTP\/1.1 401 Unauthorized/);
});

it('works with curl -u', async () => {
  server = await startRpcServer({ auth: { username: 'admin', password: sha('secret') } });
  const curl = async (args: string[]) =>
    (await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', ...args])).stdout;
  expect(await curl(['-u', 'admin:secret', `${server.httpUrl}/ok.html`])).toBe('200');
  expect(await curl(['-u', 'admin:nope', `${server.httpUrl}/ok.html`])).toBe('401');
  expect(
    await curl([
      '--unix-socket',
      server.socketPath,
      '-u',
      'admin:secret',
      'http://localhost/ok.html',
    ]),
  ).toBe('200');
});
