// The supervisor.* methods clients call, typed: each one is a single XML-RPC call whose answer
// is checked against supervisord's documented shape. Failures are RpcClientError or ShapeError.

import type { RpcCaller } from './client.js';
import { readConfigChanges, type ConfigChanges } from './config-changes.js';
import { readConfigInfo, type ConfigInfo } from './config-info.js';
import { callMethod, type MethodParams } from './methods.js';
import { readProcessInfo, type ProcessInfo } from './process-info.js';
import { readStatusResult, type StatusResult } from './status-result.js';
import { readArray, readBoolean, readInt, readString, ShapeError } from './wire-value.js';

/** tailProcessStdoutLog's answer: text, the log's size (the offset to ask from next), overflow. */
export interface LogTail {
  readonly text: string;
  readonly offset: number;
  readonly overflow: boolean;
}

export interface SupervisorApi {
  getVersion(): Promise<string>;
  getSupervisorVersion(): Promise<string>;
  getPID(): Promise<number>;
  getAllProcessInfo(): Promise<ProcessInfo[]>;
  getProcessInfo(name: string): Promise<ProcessInfo>;
  getAllConfigInfo(): Promise<ConfigInfo[]>;
  startProcess(name: string): Promise<void>;
  startProcessGroup(name: string): Promise<StatusResult[]>;
  startAllProcesses(): Promise<StatusResult[]>;
  stopProcess(name: string): Promise<void>;
  stopProcessGroup(name: string): Promise<StatusResult[]>;
  stopAllProcesses(): Promise<StatusResult[]>;
  signalProcess(name: string, signal: string): Promise<void>;
  signalProcessGroup(name: string, signal: string): Promise<StatusResult[]>;
  signalAllProcesses(signal: string): Promise<StatusResult[]>;
  clearProcessLogs(name: string): Promise<void>;
  clearAllProcessLogs(): Promise<StatusResult[]>;
  readProcessLog(
    name: string,
    channel: 'stdout' | 'stderr',
    offset: number,
    length?: number,
  ): Promise<string>;
  /** supervisord 4.2.5 returns the last `length` bytes whatever `offset` (below the size). */
  tailProcessLog(
    name: string,
    channel: 'stdout' | 'stderr',
    offset: number,
    length: number,
  ): Promise<LogTail>;
  readLog(offset: number): Promise<string>;
  reloadConfig(): Promise<ConfigChanges>;
  addProcessGroup(name: string): Promise<void>;
  removeProcessGroup(name: string): Promise<void>;
  sendProcessStdin(name: string, chars: string): Promise<void>;
  restart(): Promise<void>;
  shutdown(): Promise<void>;
}

type SupervisorMethod = Extract<keyof MethodParams, `supervisor.${string}`>;

/** `getPID` for `supervisor.getPID`: how a ShapeError names the method. */
const short = (method: SupervisorMethod): string => method.slice('supervisor.'.length);

export const supervisorApi = (client: RpcCaller): SupervisorApi => {
  const call = <M extends SupervisorMethod>(method: M, ...params: MethodParams[M]) =>
    callMethod(client, method, ...params);
  const results = async <M extends SupervisorMethod>(method: M, ...params: MethodParams[M]) =>
    readArray(short(method), await call(method, ...params)).map((v) =>
      readStatusResult(short(method), v),
    );
  // A boolean answer carries no information; what matters is that no fault came back.
  const done = async <M extends SupervisorMethod>(
    method: M,
    ...params: MethodParams[M]
  ): Promise<void> => {
    await call(method, ...params);
  };
  return {
    getVersion: async () => readString('getVersion', await call('supervisor.getVersion')),
    getSupervisorVersion: async () =>
      readString('getSupervisorVersion', await call('supervisor.getSupervisorVersion')),
    getPID: async () => readInt('getPID', await call('supervisor.getPID')),
    getAllProcessInfo: async () =>
      readArray('getAllProcessInfo', await call('supervisor.getAllProcessInfo')).map((v) =>
        readProcessInfo('getAllProcessInfo', v),
      ),
    getProcessInfo: async (name) =>
      readProcessInfo('getProcessInfo', await call('supervisor.getProcessInfo', name)),
    getAllConfigInfo: async () =>
      readArray('getAllConfigInfo', await call('supervisor.getAllConfigInfo')).map((v) =>
        readConfigInfo('getAllConfigInfo', v),
      ),
    startProcess: (name) => done('supervisor.startProcess', name),
    startProcessGroup: (name) => results('supervisor.startProcessGroup', name),
    startAllProcesses: () => results('supervisor.startAllProcesses'),
    stopProcess: (name) => done('supervisor.stopProcess', name),
    stopProcessGroup: (name) => results('supervisor.stopProcessGroup', name),
    stopAllProcesses: () => results('supervisor.stopAllProcesses'),
    signalProcess: (name, signal) => done('supervisor.signalProcess', name, signal),
    signalProcessGroup: (name, signal) => results('supervisor.signalProcessGroup', name, signal),
    signalAllProcesses: (signal) => results('supervisor.signalAllProcesses', signal),
    clearProcessLogs: (name) => done('supervisor.clearProcessLogs', name),
    clearAllProcessLogs: () => results('supervisor.clearAllProcessLogs'),
    readProcessLog: async (name, channel, offset, length = 0) => {
      const method =
        channel === 'stdout'
          ? 'supervisor.readProcessStdoutLog'
          : 'supervisor.readProcessStderrLog';
      return readString(short(method), await call(method, name, offset, length));
    },
    tailProcessLog: async (name, channel, offset, length) => {
      const method =
        channel === 'stdout'
          ? 'supervisor.tailProcessStdoutLog'
          : 'supervisor.tailProcessStderrLog';
      const answer = readArray(short(method), await call(method, name, offset, length));
      const [text, next, overflow] = answer;
      if (
        answer.length !== 3 ||
        text === undefined ||
        next === undefined ||
        overflow === undefined
      ) {
        throw new ShapeError(short(method), 'expected [string, int, boolean]');
      }
      return {
        text: readString(short(method), text),
        offset: readInt(short(method), next),
        overflow: readBoolean(short(method), overflow),
      };
    },
    readLog: async (offset) => readString('readLog', await call('supervisor.readLog', offset, 0)),
    reloadConfig: async () =>
      readConfigChanges('reloadConfig', await call('supervisor.reloadConfig')),
    addProcessGroup: (name) => done('supervisor.addProcessGroup', name),
    removeProcessGroup: (name) => done('supervisor.removeProcessGroup', name),
    sendProcessStdin: (name, chars) => done('supervisor.sendProcessStdin', name, chars),
    restart: () => done('supervisor.restart'),
    shutdown: () => done('supervisor.shutdown'),
  };
};
