// How the dashboard words and classifies a failed call: one line for the banner or the log
// pane's title, and whether it is a fault naming a method the daemon does not have.

import { faultOf } from '../protocol/faults.js';
import { describeFailure } from '../client-text/failure-text.js';
import { FAULT_CODES } from '../model/faults.js';
import { RpcClientError } from '../protocol/client-error.js';

export const failureText = (error: unknown, serverUrl: string): string => {
  if (error instanceof RpcClientError) {
    const { failure } = error;
    if (failure.kind === 'fault' && failure.faultCode === FAULT_CODES.SHUTDOWN_STATE) {
      return 'the daemon is shutting down or restarting';
    }
    if (failure.kind === 'http-status' && failure.status === 401) {
      return `${serverUrl} requires authentication (-u and -p)`;
    }
    return describeFailure(failure, serverUrl);
  }
  return error instanceof Error ? error.message : String(error);
};

/** The daemon answered that it has no such method: supervisord has no tssupervisor.*. */
export const isUnknownMethod = (error: unknown): boolean =>
  faultOf(error)?.faultCode === FAULT_CODES.UNKNOWN_METHOD;

/** A fault with this code and a detail after the name (`NO_FILE: /var/log/x.log`). */
export const faultDetail = (error: unknown, code: number): string | null => {
  const fault = faultOf(error);
  if (fault?.faultCode !== code) {
    return null;
  }
  const colon = fault.faultString.indexOf(': ');
  return colon < 0 ? '' : fault.faultString.slice(colon + 2);
};
