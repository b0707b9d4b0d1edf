// --json output (our addition): process infos and per-process action results as JSON, one
// document per command, so scripts need not parse the column layout.

import type { ProcessHealthInfo } from '../../protocol/process-health.js';
import type { ProcessInfo } from '../../protocol/process-info.js';
import type { ProcessStatsInfo } from '../../protocol/process-stats.js';
import type { StatusResult } from '../../protocol/status-result.js';
import { makeNamespec } from '../../model/namespec.js';
import { resultMessage, type BulkAction } from '../../client-text/action-result.js';
import { FAULT_CODES } from '../../model/faults.js';

export interface ProcessJson {
  readonly namespec: string;
  readonly name: string;
  readonly group: string;
  readonly state: string;
  readonly statecode: number;
  readonly pid: number;
  readonly description: string;
  readonly start: number;
  readonly stop: number;
  readonly now: number;
  readonly exitstatus: number;
  readonly spawnerr: string;
  readonly stdout_logfile: string;
  readonly stderr_logfile: string;
  /** Ours (tssupervisor.getProcessHealth); null from a server without it (supervisord). */
  readonly health: HealthJson | null;
  /** Ours (tssupervisor.getProcessStats): the process tree's CPU, memory and restarts. */
  readonly stats: StatsJson | null;
}

export interface HealthJson {
  readonly readiness: string;
  readonly liveness: string;
  readonly probe_failures: number;
  readonly waiting_for: string;
  /** seconds until a paced restart; null when none is pending */
  readonly restart_in: number | null;
  readonly depends_on: readonly string[];
  readonly reason: string;
  /** the reason of the last triggered restart; null when none */
  readonly restarted_by: string | null;
  /** restart_on_cron: epoch seconds of the next restart; null when none */
  readonly next_restart: number | null;
}

export interface StatsJson {
  readonly cpu_percent: number | null;
  readonly rss_kb: number | null;
  readonly processes: number;
  readonly restarts: number;
}

/** What our methods add to a process, by namespec; null maps when the server lacks them. */
export interface ProcessExtras {
  readonly health: ReadonlyMap<string, ProcessHealthInfo> | null;
  readonly stats: ReadonlyMap<string, ProcessStatsInfo> | null;
}

const healthJson = (h: ProcessHealthInfo): HealthJson => ({
  readiness: h.readiness,
  liveness: h.liveness,
  probe_failures: h.probe_failures,
  waiting_for: h.waiting_for,
  restart_in: h.restart_in < 0 ? null : h.restart_in,
  depends_on: h.depends_on,
  reason: h.reason,
  restarted_by: h.restarted_by === '' ? null : h.restarted_by,
  next_restart: h.next_restart === 0 ? null : h.next_restart,
});

const statsJson = (s: ProcessStatsInfo): StatsJson => ({
  cpu_percent: s.sampled ? s.cpu_percent : null,
  rss_kb: s.sampled ? s.rss_kb : null,
  processes: s.processes,
  restarts: s.restarts,
});

export const processJson = (
  info: ProcessInfo,
  extras: ProcessExtras | null = null,
): ProcessJson => ({
  namespec: makeNamespec(info.group, info.name),
  name: info.name,
  group: info.group,
  state: info.statename,
  statecode: info.state,
  pid: info.pid,
  description: info.description,
  start: info.start,
  stop: info.stop,
  now: info.now,
  exitstatus: info.exitstatus,
  spawnerr: info.spawnerr,
  stdout_logfile: info.stdout_logfile,
  stderr_logfile: info.stderr_logfile,
  ...extrasJson(makeNamespec(info.group, info.name), extras),
});

const extrasJson = (
  namespec: string,
  extras: ProcessExtras | null,
): Pick<ProcessJson, 'health' | 'stats'> => {
  const health = extras?.health?.get(namespec);
  const stats = extras?.stats?.get(namespec);
  return {
    health: health === undefined ? null : healthJson(health),
    stats: stats === undefined ? null : statsJson(stats),
  };
};

export interface ResultJson {
  /** Ours, in a fleet only: the host the result came from. */
  readonly host?: string;
  readonly action: BulkAction;
  readonly namespec: string;
  readonly name: string;
  readonly group: string;
  readonly ok: boolean;
  /** The text mode's word: `started`, `no such process`, … */
  readonly message: string;
  readonly faultCode: number;
  readonly description: string;
}

export const resultJson = (action: BulkAction, result: StatusResult): ResultJson => ({
  action,
  namespec: makeNamespec(result.group, result.name),
  name: result.name,
  group: result.group,
  ok: result.status === FAULT_CODES.SUCCESS,
  message: resultMessage(action, result),
  faultCode: result.status,
  description: result.description,
});

export const renderJson = (value: unknown): string => JSON.stringify(value, null, 2);
