// Telling an XML-RPC fault apart from other failures of a call, for clients that handle some
// faults themselves and let everything else reach their generic error line.

import { RpcClientError } from './client-error.js';

export interface CallFault {
  readonly faultCode: number;
  readonly faultString: string;
}

/** The fault a call was answered with, or null when it failed some other way. */
export const faultOf = (error: unknown): CallFault | null =>
  error instanceof RpcClientError && error.failure.kind === 'fault'
    ? { faultCode: error.failure.faultCode, faultString: error.failure.faultString }
    : null;

export type FaultOr<T> =
  | { readonly ok: true; readonly value: T }
  /** `error` is what the call threw: rethrow it for faults the command does not handle. */
  | { readonly ok: false; readonly fault: CallFault; readonly error: unknown };

/** Runs a call; a fault becomes a value, any other failure is rethrown. */
export const catchFault = async <T>(call: () => Promise<T>): Promise<FaultOr<T>> => {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const fault = faultOf(error);
    if (fault === null) {
      throw error;
    }
    return { ok: false, fault, error };
  }
};
