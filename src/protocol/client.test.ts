import { describe, expect, it } from 'vitest';

import { fakeHttpClient, http200 } from '../../test/fakes/fake-http-client.js';
import type { HttpClientOutcome } from '../ports/http-client-transport.js';
import { createRpcClient } from './client.js';
import { RpcClientError, type RpcFailure } from './client-error.js';
import { encodeFaultResponse, encodeMethodResponse } from './xmlrpc/xmlrpc-encode.js';

const unix = { kind: 'unix', path: '/run/x.sock' } as const;

interface Credentials {
  readonly username: string | null;
  readonly password: string | null;
}

const clientAnswering = (
  outcome: HttpClientOutcome,
  credentials: Credentials = { username: null, password: null },
) => {
  const transport = fakeHttpClient(() => outcome);
  const client = createRpcClient({ endpoint: unix, ...credentials, transport });
  return { client, transport };
};

const failureOf = async (promise: Promise<unknown>): Promise<RpcFailure> => {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (error instanceof RpcClientError) {
    return error.failure;
  }
  throw error;
};

const encoded = (text: { ok: boolean; text?: string }): string => text.text ?? '';

describe('createRpcClient', () => {
  it('POSTs an encoded call to /RPC2 and decodes the value', async () => {
    const { client, transport } = clientAnswering(http200(encoded(encodeMethodResponse([1, 'a']))));
    expect(await client.call('test.echo', [[1, 'a']])).toEqual([1, 'a']);
    const [sent] = transport.sent;
    expect(sent?.endpoint).toEqual(unix);
    expect(sent?.request).toMatchObject({ method: 'POST', path: '/RPC2', timeoutMs: null });
    expect(sent?.request.headers).toMatchObject({ 'Content-Type': 'text/xml' });
    expect(sent?.request.headers).not.toHaveProperty('Authorization');
    expect(sent?.body).toContain('<methodName>test.echo</methodName>');
  });

  it('sends basic auth only when both username and password are set', async () => {
    const both = clientAnswering(http200(encoded(encodeMethodResponse(true))), {
      username: 'u',
      password: 'p:w',
    });
    await both.client.call('a.b');
    expect(both.transport.sent[0]?.request.headers['Authorization']).toBe(
      `Basic ${Buffer.from('u:p:w').toString('base64')}`,
    );
    const userOnly = clientAnswering(http200(encoded(encodeMethodResponse(true))), {
      username: 'u',
      password: null,
    });
    await userOnly.client.call('a.b');
    expect(userOnly.transport.sent[0]?.request.headers).not.toHaveProperty('Authorization');
  });

  it.each<[string, HttpClientOutcome, RpcFailure]>([
    [
      'a fault',
      http200(encoded(encodeFaultResponse(70, 'NOT_RUNNING: web'))),
      { kind: 'fault', faultCode: 70, faultString: 'NOT_RUNNING: web', fault: 'NOT_RUNNING' },
    ],
    [
      'a fault with a foreign code',
      http200(encoded(encodeFaultResponse(12345, 'custom'))),
      { kind: 'fault', faultCode: 12345, faultString: 'custom', fault: null },
    ],
    [
      'HTTP 401',
      {
        kind: 'response',
        status: 401,
        reason: 'Unauthorized',
        headers: {},
        body: new Uint8Array(),
      },
      { kind: 'http-status', status: 401, reason: 'Unauthorized' },
    ],
    [
      'a refused connection',
      { kind: 'connect-failed', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
      { kind: 'connection-refused', server: 'unix:///run/x.sock' },
    ],
    [
      'a missing socket',
      { kind: 'connect-failed', code: 'ENOENT', message: 'connect ENOENT' },
      { kind: 'socket-missing', server: 'unix:///run/x.sock' },
    ],
    [
      'no permission on the socket',
      { kind: 'connect-failed', code: 'EACCES', message: 'connect EACCES /run/x.sock' },
      {
        kind: 'unreachable',
        server: 'unix:///run/x.sock',
        code: 'EACCES',
        message: 'connect EACCES /run/x.sock',
      },
    ],
    [
      'a broken exchange',
      { kind: 'failed', message: 'socket hang up' },
      { kind: 'transport-failed', message: 'socket hang up' },
    ],
    [
      'a body that is not UTF-8',
      { kind: 'response', status: 200, reason: 'OK', headers: {}, body: Uint8Array.from([0xff]) },
      { kind: 'malformed-response', message: 'the body is not UTF-8' },
    ],
  ])('reports %s', async (_label, outcome, failure) => {
    expect(await failureOf(clientAnswering(outcome).client.call('a.b'))).toEqual(failure);
  });

  it('reports malformed XML precisely', async () => {
    expect(
      await failureOf(clientAnswering(http200('<methodResponse>')).client.call('a.b')),
    ).toEqual({
      kind: 'malformed-response',
      message: expect.stringMatching(/not well-formed XML/),
    });
  });

  it('gives readable messages and closes its transport', async () => {
    const { client, transport } = clientAnswering({
      kind: 'connect-failed',
      code: 'ENOENT',
      message: '',
    });
    await expect(client.call('a.b')).rejects.toThrow('unix:///run/x.sock no such file');
    client.close();
    expect(transport.closed).toBe(true);
  });

  it('refuses to send a value XML-RPC cannot carry', async () => {
    const { client, transport } = clientAnswering(http200(''));
    await expect(client.call('a.b', [2 ** 40])).rejects.toThrow(/exceeds XML-RPC limits/);
    expect(transport.sent).toHaveLength(0);
  });
});
