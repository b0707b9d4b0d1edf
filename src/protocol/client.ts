// The XML-RPC client our ctl and dashboard use: one call = one POST /RPC2 over a kept-alive
// connection (unix socket or TCP, optional basic auth); every failure is an RpcClientError
// whose `failure` says what went wrong.

import type {
  HttpClientOutcome,
  HttpClientTransport,
  HttpEndpoint,
} from '../ports/http-client-transport.js';
import { faultNameOf, RpcClientError, type RpcFailure } from './client-error.js';
import { describeEndpoint } from './server-url.js';
import { decodeMethodResponse } from './xmlrpc/xmlrpc-decode.js';
import { encodeMethodCall } from './xmlrpc/xmlrpc-encode.js';
import type { XmlRpcValue } from './xmlrpc/xmlrpc-value.js';

export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface RpcClientOptions {
  readonly endpoint: HttpEndpoint;
  /** Basic auth is sent only when both are given, as supervisorctl does. */
  readonly username: string | null;
  readonly password: string | null;
  readonly transport: HttpClientTransport;
  /** Per call; null (the default) waits as long as the daemon takes (start/stop may wait). */
  readonly timeoutMs?: number | null;
  readonly maxResponseBytes?: number;
}

/** What the typed APIs need: calls (over HTTP, or in the daemon's own process for the web UI). */
export interface RpcCaller {
  /** The method's value; rejects with RpcClientError. */
  call(methodName: string, params?: readonly XmlRpcValue[]): Promise<XmlRpcValue>;
}

export interface RpcClient extends RpcCaller {
  readonly endpoint: HttpEndpoint;
  close(): void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const createRpcClient = (options: RpcClientOptions): RpcClient => {
  const { endpoint, transport } = options;
  const headers: Record<string, string> = {
    'Content-Type': 'text/xml',
    Accept: 'text/xml',
    'User-Agent': 'tssupervisor',
  };
  if (options.username !== null && options.password !== null) {
    const token = Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64');
    headers['Authorization'] = `Basic ${token}`;
  }

  const call = async (
    methodName: string,
    params: readonly XmlRpcValue[] = [],
  ): Promise<XmlRpcValue> => {
    const encoded = encodeMethodCall(methodName, params);
    if (!encoded.ok) {
      throw new TypeError(`cannot send ${methodName}(): ${encoded.message}`);
    }
    const outcome = await transport.send(endpoint, {
      method: 'POST',
      path: '/RPC2',
      headers,
      body: Buffer.from(encoded.text, 'utf8'),
      timeoutMs: options.timeoutMs ?? null,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    });
    const result = interpret(outcome, describeEndpoint(endpoint));
    if (result.ok) {
      return result.value;
    }
    throw new RpcClientError(result.failure);
  };

  return { endpoint, call, close: () => transport.close() };
};

export type Interpretation =
  | { readonly ok: true; readonly value: XmlRpcValue }
  | { readonly ok: false; readonly failure: RpcFailure };

const fail = (failure: RpcFailure): Interpretation => ({ ok: false, failure });

/** An HTTP outcome as an RPC answer: the value, or why there is none. Shared by every caller. */
export const interpret = (outcome: HttpClientOutcome, server: string): Interpretation => {
  switch (outcome.kind) {
    case 'connect-failed':
      return fail(
        outcome.code === 'ECONNREFUSED'
          ? { kind: 'connection-refused', server }
          : outcome.code === 'ENOENT'
            ? { kind: 'socket-missing', server }
            : { kind: 'unreachable', server, code: outcome.code, message: outcome.message },
      );
    case 'failed':
      return fail({ kind: 'transport-failed', message: outcome.message });
    case 'response':
      break;
  }
  if (outcome.status !== 200) {
    return fail({ kind: 'http-status', status: outcome.status, reason: outcome.reason });
  }
  let text: string;
  try {
    text = utf8.decode(outcome.body);
  } catch {
    return fail({ kind: 'malformed-response', message: 'the body is not UTF-8' });
  }
  const decoded = decodeMethodResponse(text);
  if (!decoded.ok) {
    return fail({ kind: 'malformed-response', message: decoded.message });
  }
  const response = decoded.value;
  switch (response.kind) {
    case 'value':
      return { ok: true, value: response.value };
    case 'fault':
      return fail({
        kind: 'fault',
        faultCode: response.faultCode,
        faultString: response.faultString,
        fault: faultNameOf(response.faultCode),
      });
  }
};
