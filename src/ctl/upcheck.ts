// supervisorctl's connection check before most commands: supervisor.getVersion must answer
// "3.0". Each way it can fail has its own message and exit status (spec §6.2).

import { FAULT_CODES } from '../model/faults.js';
import { RpcClientError } from '../protocol/client-error.js';
import type { SupervisorApi } from '../protocol/supervisor-api.js';
import { EXIT } from './exit-codes.js';

export const API_VERSION = '3.0';

export const NO_SUPERVISOR_NAMESPACE =
  'Sorry, supervisord responded but did not recognize the supervisor namespace commands that ' +
  'supervisorctl uses to control it.  Please check that the [rpcinterface:supervisor] section ' +
  'is enabled in the configuration file (see sample.conf).';

export const apiVersionMismatch = (remote: string): string =>
  `Sorry, this version of supervisorctl expects to talk to a server with API version ` +
  `${API_VERSION}, but the remote version is ${remote}.`;

export type UpcheckOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly message: string; readonly exitStatus: number };

/** Ok, a failure to report, or a throw (generic error line) for anything else. */
export const upcheck = async (api: SupervisorApi, serverUrl: string): Promise<UpcheckOutcome> => {
  let version: string;
  try {
    version = await api.getVersion();
  } catch (error) {
    if (!(error instanceof RpcClientError)) {
      throw error;
    }
    const { failure } = error;
    if (failure.kind === 'fault' && failure.faultCode === FAULT_CODES.UNKNOWN_METHOD) {
      return {
        ok: false,
        message: NO_SUPERVISOR_NAMESPACE,
        exitStatus: EXIT.UNIMPLEMENTED_FEATURE,
      };
    }
    if (failure.kind === 'connection-refused') {
      return {
        ok: false,
        message: `${serverUrl} refused connection`,
        exitStatus: EXIT.INSUFFICIENT_PRIVILEGES,
      };
    }
    if (failure.kind === 'socket-missing') {
      return { ok: false, message: `${serverUrl} no such file`, exitStatus: EXIT.NOT_RUNNING };
    }
    throw error;
  }
  if (version !== API_VERSION) {
    return { ok: false, message: apiVersionMismatch(version), exitStatus: EXIT.NOT_INSTALLED };
  }
  return { ok: true };
};
