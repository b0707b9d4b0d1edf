// A scriptable RpcClient for ctl unit tests: each method answers with a value, a fault or a
// transport failure (fixed, per call in turn, or computed from the params); every call is
// recorded. Unscripted methods answer UNKNOWN_METHOD, as supervisord does.

import { FAULT_CODES, type FaultName } from '../../src/model/faults.js';
import type { HttpEndpoint } from '../../src/ports/http-client-transport.js';
import type { RpcClient } from '../../src/protocol/client.js';
import { RpcClientError, type RpcFailure } from '../../src/protocol/client-error.js';
import type { XmlRpcValue } from '../../src/protocol/xmlrpc/xmlrpc-value.js';

export type FakeReply =
  | { readonly value: XmlRpcValue }
  | { readonly failure: RpcFailure }
  /** Resolves only when the test says so (to order concurrent calls). */
  | { readonly later: Promise<FakeReply> };

export type FakeAnswer =
  FakeReply | readonly FakeReply[] | ((params: readonly XmlRpcValue[]) => FakeReply);

export const ok = (value: XmlRpcValue): FakeReply => ({ value });

export const fault = (name: FaultName, detail?: string): FakeReply => ({
  failure: {
    kind: 'fault',
    faultCode: FAULT_CODES[name],
    faultString: detail === undefined ? name : `${name}: ${detail}`,
    fault: name,
  },
});

export const refused = (server = 'unix:///tmp/x.sock'): FakeReply => ({
  failure: { kind: 'connection-refused', server },
});

export const socketMissing = (server = 'unix:///tmp/x.sock'): FakeReply => ({
  failure: { kind: 'socket-missing', server },
});

export const httpStatus = (status: number, reason: string): FakeReply => ({
  failure: { kind: 'http-status', status, reason },
});

export interface RecordedCall {
  readonly method: string;
  readonly params: readonly XmlRpcValue[];
}

export interface FakeRpc {
  readonly client: RpcClient;
  readonly calls: RecordedCall[];
  /** Method names in call order, without the `supervisor.` prefix. */
  methods(): string[];
  answer(method: string, answer: FakeAnswer): void;
}

export const UNIX_ENDPOINT: HttpEndpoint = { kind: 'unix', path: '/tmp/x.sock' };

export const fakeRpcClient = (
  answers: Readonly<Record<string, FakeAnswer>> = {},
  endpoint: HttpEndpoint = UNIX_ENDPOINT,
): FakeRpc => {
  const table = new Map<string, FakeAnswer>(Object.entries(answers));
  const turns = new Map<string, number>();
  const calls: RecordedCall[] = [];
  const replyFor = (method: string, params: readonly XmlRpcValue[]): FakeReply => {
    const answer = table.get(method.replace(/^supervisor\./, '')) ?? table.get(method);
    if (answer === undefined) {
      return fault('UNKNOWN_METHOD');
    }
    if (typeof answer === 'function') {
      return answer(params);
    }
    if (Array.isArray(answer)) {
      const turn = turns.get(method) ?? 0;
      turns.set(method, turn + 1);
      const replies = answer as readonly FakeReply[];
      return replies[Math.min(turn, replies.length - 1)] ?? fault('FAILED', 'no reply scripted');
    }
    return answer as FakeReply;
  };
  const settle = async (reply: FakeReply): Promise<XmlRpcValue> => {
    if ('later' in reply) {
      return settle(await reply.later);
    }
    if ('failure' in reply) {
      throw new RpcClientError(reply.failure);
    }
    return reply.value;
  };
  const client: RpcClient = {
    endpoint,
    call: (method, params = []) => {
      calls.push({ method, params });
      return settle(replyFor(method, params));
    },
    close: () => undefined,
  };
  return {
    client,
    calls,
    methods: () => calls.map((c) => c.method.replace(/^supervisor\./, '')),
    answer: (method, answer) => {
      table.set(method, answer);
      turns.delete(`supervisor.${method}`);
    },
  };
};
