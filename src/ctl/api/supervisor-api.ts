// The supervisor.* methods the ctl calls, typed: each one is a single XML-RPC call whose answer
// is checked against supervisord's documented shape. Failures are RpcClientError or ShapeError.

import type { RpcClient } from '../../protocol/client.js';
import {
  readConfigChanges,
  readConfigInfo,
  type ConfigChanges,
  type ConfigInfo,
} from './config-info.js';
import { readProcessInfo, type ProcessInfo } from './process-info.js';
import { readStatusResult, type StatusResult } from './status-result.js';
import { readArray, readInt, readString, type WireValue } from './wire-value.js';

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
  readProcessLog(name: string, channel: 'stdout' | 'stderr', offset: number): Promise<string>;
  readLog(offset: number): Promise<string>;
  reloadConfig(): Promise<ConfigChanges>;
  addProcessGroup(name: string): Promise<void>;
  removeProcessGroup(name: string): Promise<void>;
  sendProcessStdin(name: string, chars: string): Promise<void>;
  restart(): Promise<void>;
  shutdown(): Promise<void>;
}

export const supervisorApi = (client: RpcClient): SupervisorApi => {
  const call = (method: string, params: readonly WireValue[] = []): Promise<WireValue> =>
    client.call(`supervisor.${method}`, params);
  const results = async (method: string, params: readonly WireValue[] = []) =>
    readArray(method, await call(method, params)).map((v) => readStatusResult(method, v));
  // A boolean answer carries no information; what matters is that no fault came back.
  const done = async (method: string, params: readonly WireValue[] = []): Promise<void> => {
    await call(method, params);
  };
  return {
    getVersion: async () => readString('getVersion', await call('getVersion')),
    getSupervisorVersion: async () =>
      readString('getSupervisorVersion', await call('getSupervisorVersion')),
    getPID: async () => readInt('getPID', await call('getPID')),
    getAllProcessInfo: async () =>
      readArray('getAllProcessInfo', await call('getAllProcessInfo')).map((v) =>
        readProcessInfo('getAllProcessInfo', v),
      ),
    getProcessInfo: async (name) =>
      readProcessInfo('getProcessInfo', await call('getProcessInfo', [name])),
    getAllConfigInfo: async () =>
      readArray('getAllConfigInfo', await call('getAllConfigInfo')).map((v) =>
        readConfigInfo('getAllConfigInfo', v),
      ),
    startProcess: (name) => done('startProcess', [name]),
    startProcessGroup: (name) => results('startProcessGroup', [name]),
    startAllProcesses: () => results('startAllProcesses'),
    stopProcess: (name) => done('stopProcess', [name]),
    stopProcessGroup: (name) => results('stopProcessGroup', [name]),
    stopAllProcesses: () => results('stopAllProcesses'),
    signalProcess: (name, signal) => done('signalProcess', [name, signal]),
    signalProcessGroup: (name, signal) => results('signalProcessGroup', [name, signal]),
    signalAllProcesses: (signal) => results('signalAllProcesses', [signal]),
    clearProcessLogs: (name) => done('clearProcessLogs', [name]),
    clearAllProcessLogs: () => results('clearAllProcessLogs'),
    readProcessLog: async (name, channel, offset) => {
      const method = channel === 'stdout' ? 'readProcessStdoutLog' : 'readProcessStderrLog';
      return readString(method, await call(method, [name, offset, 0]));
    },
    readLog: async (offset) => readString('readLog', await call('readLog', [offset, 0])),
    reloadConfig: async () => readConfigChanges('reloadConfig', await call('reloadConfig')),
    addProcessGroup: (name) => done('addProcessGroup', [name]),
    removeProcessGroup: (name) => done('removeProcessGroup', [name]),
    sendProcessStdin: (name, chars) => done('sendProcessStdin', [name, chars]),
    restart: () => done('restart'),
    shutdown: () => done('shutdown'),
  };
};
