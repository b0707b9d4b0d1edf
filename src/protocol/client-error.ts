// Why an RPC call from a client failed, as one discriminated union: unreachable server (refused,
// socket file missing, other), HTTP status, XML-RPC fault, malformed response, broken exchange.

import { FAULT_CODES, type FaultName } from '../model/faults.js';

export type RpcFailure =
  /** Nobody listens there (ECONNREFUSED): the daemon is not running. */
  | { readonly kind: 'connection-refused'; readonly server: string }
  /** The unix socket file does not exist (ENOENT). */
  | { readonly kind: 'socket-missing'; readonly server: string }
  /** Any other reason no connection was made (EACCES, EHOSTUNREACH, ETIMEDOUT…). */
  | {
      readonly kind: 'unreachable';
      readonly server: string;
      readonly code: string;
      readonly message: string;
    }
  /** A non-200 HTTP answer, e.g. 401 when credentials are missing or wrong. */
  | { readonly kind: 'http-status'; readonly status: number; readonly reason: string }
  /** An XML-RPC fault; `fault` names it when the code is one of supervisord's. */
  | {
      readonly kind: 'fault';
      readonly faultCode: number;
      readonly faultString: string;
      readonly fault: FaultName | null;
    }
  | { readonly kind: 'malformed-response'; readonly message: string }
  /** Connected, but the exchange broke (reset, timeout, response too large). */
  | { readonly kind: 'transport-failed'; readonly message: string };

export class RpcClientError extends Error {
  constructor(readonly failure: RpcFailure) {
    super(describeFailure(failure));
    this.name = 'RpcClientError';
  }
}

export const faultNameOf = (code: number): FaultName | null =>
  (Object.keys(FAULT_CODES) as FaultName[]).find((name) => FAULT_CODES[name] === code) ?? null;

export const describeFailure = (failure: RpcFailure): string => {
  switch (failure.kind) {
    case 'connection-refused':
      return `${failure.server} refused connection`;
    case 'socket-missing':
      return `${failure.server} no such file`;
    case 'unreachable':
      return `${failure.server}: ${failure.message}`;
    case 'http-status':
      return `HTTP ${failure.status} ${failure.reason}`;
    case 'fault':
      return `fault ${failure.faultCode}: ${failure.faultString}`;
    case 'malformed-response':
      return `malformed XML-RPC response: ${failure.message}`;
    case 'transport-failed':
      return failure.message;
  }
};
