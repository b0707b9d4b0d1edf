// The calls the dashboard makes, typed: supervisor.* through the ctl's API, and our
// tssupervisor.* long-poll and process stats decoded here. All of it goes through rpc/client.

import { supervisorApi, type SupervisorApi } from '../ctl/api/supervisor-api.js';
import {
  isStruct,
  readArray,
  readString,
  readStruct,
  ShapeError,
  type WireValue,
} from '../ctl/api/wire-value.js';
import type { RpcClient } from '../protocol/client.js';

/** One process's figures from tssupervisor.getProcessStats. */
export interface ProcessUsage {
  /** `group:name` */
  readonly key: string;
  readonly pid: number;
  /** false when the daemon had no figure (no pid, or its tree could not be read) */
  readonly sampled: boolean;
  readonly cpuPercent: number;
  readonly rssKb: number;
  /** processes in its tree, itself included */
  readonly processes: number;
  readonly restarts: number;
}

export interface DashboardApi {
  /** For actions: start and stop wait as long as the daemon takes. */
  readonly actions: SupervisorApi;
  /** For reads (process info, logs), with a deadline. */
  readonly reads: SupervisorApi;
  /** Resolves with the daemon's current token once it differs from `token` (or on timeout). */
  waitForStateChange(token: string, timeoutMs: number): Promise<string>;
  getProcessStats(): Promise<ProcessUsage[]>;
}

export interface DashboardClients {
  /** Calls with a short deadline: a wedged daemon is noticed. */
  readonly quick: RpcClient;
  /** start/stop/restart, which wait until the process got there. */
  readonly waiting: RpcClient;
  /** The long-poll, whose deadline is longer than the wait it asks for. */
  readonly longPoll: RpcClient;
}

/** The key both getAllProcessInfo and getProcessStats rows are matched by. */
export const processKey = (group: string, name: string): string => `${group}:${name}`;

/** A `<double>` arrives as an object holding the number; an `<int>` as a plain number. */
const readNumber = (method: string, struct: WireValue, key: string): number => {
  const value = isStruct(struct) ? struct[key] : undefined;
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'object' && 'value' in value && typeof value.value === 'number') {
    return value.value;
  }
  throw new ShapeError(method, `field ${key} is not a number`);
};

const readUsage = (method: string, value: WireValue): ProcessUsage => {
  const s = readStruct(method, value);
  return {
    key: processKey(s.string('group'), s.string('name')),
    pid: s.int('pid'),
    sampled: s.bool('sampled'),
    cpuPercent: readNumber(method, value, 'cpu_percent'),
    rssKb: s.int('rss_kb'),
    processes: s.int('processes'),
    restarts: s.int('restarts'),
  };
};

export const dashboardApi = (clients: DashboardClients): DashboardApi => {
  return {
    actions: supervisorApi(clients.waiting),
    reads: supervisorApi(clients.quick),
    waitForStateChange: async (token, timeoutMs) =>
      readString(
        'waitForStateChange',
        await clients.longPoll.call('tssupervisor.waitForStateChange', [token, timeoutMs]),
      ),
    getProcessStats: async () =>
      readArray('getProcessStats', await clients.quick.call('tssupervisor.getProcessStats')).map(
        (v) => readUsage('getProcessStats', v),
      ),
  };
};
