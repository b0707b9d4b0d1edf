// What went wrong with a call, in the words every client shows (the ctl's `error: ` line, the
// dashboard's banner): supervisorctl's fault repr, and the server named as the user gave it.

import { reprString } from '../model/python-repr.js';
import type { RpcFailure } from '../protocol/client-error.js';

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
