// The calls the dashboard makes, over the protocol module's typed API: supervisor.* for actions
// and reads, tssupervisor.* for the change long-poll, each process's figures, health and details.

import type { RpcClient } from '../protocol/client.js';
import type { ProcessDetailInfo } from '../protocol/process-detail.js';
import type { ProcessHealthInfo } from '../protocol/process-health.js';
import type { ProcessStatsInfo } from '../protocol/process-stats.js';
import { supervisorApi, type SupervisorApi } from '../protocol/supervisor-api.js';
import { tssupervisorApi } from '../protocol/tssupervisor-api.js';

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

/** One process's readiness, liveness and waits from tssupervisor.getProcessHealth. */
export interface ProcessHealth {
  /** `group:name` */
  readonly key: string;
  /** none | pending | ready | down */
  readonly readiness: string;
  /** none | ok | failing | down */
  readonly liveness: string;
  /** failures in a row of the probe now running */
  readonly probeFailures: number;
  /** what of its depends_on it waits for ('' when it does not) */
  readonly waitingFor: string;
  /** seconds until a paced restart; null when none is pending */
  readonly restartInSec: number | null;
  /** its depends_on entries, `name:condition` */
  readonly dependsOn: readonly string[];
  /** what status shows beside the state ('' when nothing is held up) */
  readonly reason: string;
}

export interface DashboardApi {
  /** For actions: start and stop wait as long as the daemon takes. */
  readonly actions: SupervisorApi;
  /** For reads (process info, logs), with a deadline. */
  readonly reads: SupervisorApi;
  /** Resolves with the daemon's current token once it differs from `token` (or on timeout). */
  waitForStateChange(token: string, timeoutMs: number): Promise<string>;
  getProcessStats(): Promise<ProcessUsage[]>;
  getProcessHealth(): Promise<ProcessHealth[]>;
  /** One process's command, user, environment (secrets masked) and process tree. */
  getProcessDetail(namespec: string): Promise<ProcessDetailInfo>;
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

const asUsage = (stats: ProcessStatsInfo): ProcessUsage => ({
  key: processKey(stats.group, stats.name),
  pid: stats.pid,
  sampled: stats.sampled,
  cpuPercent: stats.cpu_percent,
  rssKb: stats.rss_kb,
  processes: stats.processes,
  restarts: stats.restarts,
});

const asHealth = (health: ProcessHealthInfo): ProcessHealth => ({
  key: processKey(health.group, health.name),
  readiness: health.readiness,
  liveness: health.liveness,
  probeFailures: health.probe_failures,
  waitingFor: health.waiting_for,
  restartInSec: health.restart_in < 0 ? null : health.restart_in,
  dependsOn: health.depends_on,
  reason: health.reason,
});

export const dashboardApi = (clients: DashboardClients): DashboardApi => {
  const longPoll = tssupervisorApi(clients.longPoll);
  const quick = tssupervisorApi(clients.quick);
  return {
    actions: supervisorApi(clients.waiting),
    reads: supervisorApi(clients.quick),
    waitForStateChange: (token, timeoutMs) => longPoll.waitForStateChange(token, timeoutMs),
    getProcessStats: async () => (await quick.getProcessStats()).map(asUsage),
    getProcessHealth: async () => (await quick.getProcessHealth()).map(asHealth),
    getProcessDetail: (namespec) => quick.getProcessDetail(namespec),
  };
};
