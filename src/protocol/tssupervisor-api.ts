// Our tssupervisor.* methods, typed like the supervisor.* ones: the change long-poll, each
// process tree's figures, readiness and liveness, the rolling restart. supervisord answers them with UNKNOWN_METHOD.

import type { RpcCaller } from './client.js';
import { callMethod } from './methods.js';
import { readProcessHealth, type ProcessHealthInfo } from './process-health.js';
import { readProcessStats, type ProcessStatsInfo } from './process-stats.js';
import { readStatusResult, type StatusResult } from './status-result.js';
import { readArray, readString } from './wire-value.js';

export interface TssupervisorApi {
  /** Resolves with the daemon's current token once it differs from `token` (or on timeout). */
  waitForStateChange(token: string, timeoutMs: number): Promise<string>;
  getProcessStats(): Promise<ProcessStatsInfo[]>;
  getProcessHealth(): Promise<ProcessHealthInfo[]>;
  rollingRestart(group: string): Promise<StatusResult[]>;
}

export const tssupervisorApi = (client: RpcCaller): TssupervisorApi => ({
  waitForStateChange: async (token, timeoutMs) =>
    readString(
      'waitForStateChange',
      await callMethod(client, 'tssupervisor.waitForStateChange', token, timeoutMs),
    ),
  getProcessStats: async () =>
    readArray('getProcessStats', await callMethod(client, 'tssupervisor.getProcessStats')).map(
      (v) => readProcessStats('getProcessStats', v),
    ),
  getProcessHealth: async () =>
    readArray('getProcessHealth', await callMethod(client, 'tssupervisor.getProcessHealth')).map(
      (v) => readProcessHealth('getProcessHealth', v),
    ),
  rollingRestart: async (group) =>
    readArray('rollingRestart', await callMethod(client, 'tssupervisor.rollingRestart', group)).map(
      (v) => readStatusResult('rollingRestart', v),
    ),
});
