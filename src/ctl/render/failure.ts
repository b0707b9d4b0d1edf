// One line for a call that failed in a way no command handles itself: where supervisorctl
// prints a Python traceback summary, we print `error: ` and what went wrong, never a stack.

import { reprString } from '../../model/python-repr.js';
import { RpcClientError, type RpcFailure } from '../../protocol/client-error.js';

const CONNECT_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTSOCK: 'not a socket',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** supervisorctl's repr of an XML-RPC fault, which scripts may grep for. */
export const faultRepr = (faultCode: number, faultString: string): string =>
  `<Fault ${faultCode}: ${reprString(faultString)}>`;

export const describeFailure = (failure: RpcFailure, serverUrl: string): string => {
  switch (failure.kind) {
    case 'connection-refused':
      return `${serverUrl} refused connection`;
    case 'socket-missing':
      return `${serverUrl} no such file`;
    case 'unreachable': {
      const words = CONNECT_ERRORS[failure.code];
      return words === undefined
        ? `cannot connect to ${serverUrl}: ${failure.message}`
        : `cannot connect to ${serverUrl}: ${words} (${failure.code})`;
    }
    case 'http-status':
      return `${serverUrl} answered HTTP ${failure.status} ${failure.reason}`;
    case 'fault':
      return faultRepr(failure.faultCode, failure.faultString);
    case 'malformed-response':
      return `${serverUrl} sent a malformed response: ${failure.message}`;
    case 'transport-failed':
      return `${serverUrl}: ${failure.message}`;
  }
};

/** The `error: …` line for anything a command let through. */
export const renderErrorLine = (error: unknown, serverUrl: string): string => {
  if (error instanceof RpcClientError) {
    return `error: ${describeFailure(error.failure, serverUrl)}`;
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
};
