// The API's methods as clients call them: every supervisor.* method (supervisord 4.2's names,
// and getVersion, the one alias clients rely on) and our tssupervisor.* additions, each with its parameter
// tuple and the XML-RPC types system.methodSignature reports. A test holds the server to this.

import type { RpcCaller } from './client.js';
import type { WireValue } from './wire-value.js';
import type { XmlRpcTypeName } from './xmlrpc/xmlrpc-value.js';

/** Method name → the parameters a client passes (optional ones may be left off the end). */
export interface MethodParams {
  'supervisor.getAPIVersion': [];
  /** getAPIVersion's old name, which every supervisord answers: what supervisorctl checks. */
  'supervisor.getVersion': [];
  'supervisor.getSupervisorVersion': [];
  'supervisor.getIdentification': [];
  'supervisor.getState': [];
  'supervisor.getPID': [];
  'supervisor.readLog': [offset: number, length: number];
  'supervisor.clearLog': [];
  'supervisor.shutdown': [];
  'supervisor.restart': [];
  'supervisor.reloadConfig': [];
  'supervisor.addProcessGroup': [name: string];
  'supervisor.removeProcessGroup': [name: string];
  'supervisor.getProcessInfo': [name: string];
  'supervisor.getAllProcessInfo': [];
  'supervisor.getAllConfigInfo': [];
  'supervisor.startProcess': [name: string, wait?: boolean];
  'supervisor.startProcessGroup': [name: string, wait?: boolean];
  'supervisor.startAllProcesses': [wait?: boolean];
  'supervisor.stopProcess': [name: string, wait?: boolean];
  'supervisor.stopProcessGroup': [name: string, wait?: boolean];
  'supervisor.stopAllProcesses': [wait?: boolean];
  /** A signal name (`HUP`, `SIGHUP`) or number. */
  'supervisor.signalProcess': [name: string, signal: string | number];
  'supervisor.signalProcessGroup': [name: string, signal: string | number];
  'supervisor.signalAllProcesses': [signal: string | number];
  'supervisor.sendProcessStdin': [name: string, chars: string];
  'supervisor.sendRemoteCommEvent': [type: string, data: string];
  'supervisor.readProcessStdoutLog': [name: string, offset: number, length: number];
  'supervisor.readProcessStderrLog': [name: string, offset: number, length: number];
  'supervisor.tailProcessStdoutLog': [name: string, offset: number, length: number];
  'supervisor.tailProcessStderrLog': [name: string, offset: number, length: number];
  'supervisor.clearProcessLogs': [name: string];
  'supervisor.clearAllProcessLogs': [];
  'tssupervisor.waitForStateChange': [token: string, timeout?: number];
  'tssupervisor.getProcessStats': [];
  'tssupervisor.getProcessHealth': [];
  'tssupervisor.rollingRestart': [name: string];
}

export type MethodName = keyof MethodParams;

type TypeNameOf<T> = [T] extends [boolean]
  ? 'boolean'
  : [T] extends [number]
    ? 'int'
    : [T] extends [string | number]
      ? 'string'
      : never;

/** A parameter tuple's XML-RPC type names, optional ones included. */
type ParamTypes<P extends readonly unknown[]> = {
  readonly [K in keyof P]-?: TypeNameOf<Exclude<P[K], undefined>>;
};

export interface MethodSignature<P extends readonly unknown[]> {
  readonly returns: XmlRpcTypeName;
  readonly params: ParamTypes<P>;
}

/** The compiler checks each entry against MethodParams; a test checks it against the server. */
export const METHOD_SIGNATURES: { readonly [M in MethodName]: MethodSignature<MethodParams[M]> } = {
  'supervisor.getAPIVersion': { returns: 'string', params: [] },
  'supervisor.getVersion': { returns: 'string', params: [] },
  'supervisor.getSupervisorVersion': { returns: 'string', params: [] },
  'supervisor.getIdentification': { returns: 'string', params: [] },
  'supervisor.getState': { returns: 'struct', params: [] },
  'supervisor.getPID': { returns: 'int', params: [] },
  'supervisor.readLog': { returns: 'string', params: ['int', 'int'] },
  'supervisor.clearLog': { returns: 'boolean', params: [] },
  'supervisor.shutdown': { returns: 'boolean', params: [] },
  'supervisor.restart': { returns: 'boolean', params: [] },
  'supervisor.reloadConfig': { returns: 'array', params: [] },
  'supervisor.addProcessGroup': { returns: 'boolean', params: ['string'] },
  'supervisor.removeProcessGroup': { returns: 'boolean', params: ['string'] },
  'supervisor.getProcessInfo': { returns: 'struct', params: ['string'] },
  'supervisor.getAllProcessInfo': { returns: 'array', params: [] },
  'supervisor.getAllConfigInfo': { returns: 'array', params: [] },
  'supervisor.startProcess': { returns: 'boolean', params: ['string', 'boolean'] },
  'supervisor.startProcessGroup': { returns: 'array', params: ['string', 'boolean'] },
  'supervisor.startAllProcesses': { returns: 'array', params: ['boolean'] },
  'supervisor.stopProcess': { returns: 'boolean', params: ['string', 'boolean'] },
  'supervisor.stopProcessGroup': { returns: 'array', params: ['string', 'boolean'] },
  'supervisor.stopAllProcesses': { returns: 'array', params: ['boolean'] },
  'supervisor.signalProcess': { returns: 'boolean', params: ['string', 'string'] },
  'supervisor.signalProcessGroup': { returns: 'array', params: ['string', 'string'] },
  'supervisor.signalAllProcesses': { returns: 'array', params: ['string'] },
  'supervisor.sendProcessStdin': { returns: 'boolean', params: ['string', 'string'] },
  'supervisor.sendRemoteCommEvent': { returns: 'boolean', params: ['string', 'string'] },
  'supervisor.readProcessStdoutLog': { returns: 'string', params: ['string', 'int', 'int'] },
  'supervisor.readProcessStderrLog': { returns: 'string', params: ['string', 'int', 'int'] },
  'supervisor.tailProcessStdoutLog': { returns: 'array', params: ['string', 'int', 'int'] },
  'supervisor.tailProcessStderrLog': { returns: 'array', params: ['string', 'int', 'int'] },
  'supervisor.clearProcessLogs': { returns: 'boolean', params: ['string'] },
  'supervisor.clearAllProcessLogs': { returns: 'array', params: [] },
  'tssupervisor.waitForStateChange': { returns: 'string', params: ['string', 'int'] },
  'tssupervisor.getProcessStats': { returns: 'array', params: [] },
  'tssupervisor.getProcessHealth': { returns: 'array', params: [] },
  'tssupervisor.rollingRestart': { returns: 'array', params: ['string'] },
};

/** One call, its name and parameters checked by the compiler; the answer is still unread. */
export const callMethod = <M extends MethodName>(
  client: RpcCaller,
  method: M,
  ...params: MethodParams[M]
): Promise<WireValue> =>
  // Every parameter type above is a wire value; optional ones are left off, never undefined.
  client.call(method, params as readonly WireValue[]);
