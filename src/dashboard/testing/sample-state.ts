// For the dashboard's unit tests: process infos and usage as the daemon would send them, and a
// state built by feeding them through the reducer (so tests start from states it can reach).

import type { ProcessInfo } from '../../protocol/process-info.js';
import { PROCESS_STATE_CODES, type ProcessStateName } from '../../model/process-state.js';
import type { ProcessHealth, ProcessUsage } from '../daemon-api.js';
import type { DashboardInput } from '../inputs.js';
import { reduce } from '../model.js';
import { initialState, type DashboardState } from '../state.js';

/** The daemon's clock in these samples: 2024-01-01 12:00:00 UTC, in epoch seconds. */
export const NOW_SEC = 1_704_110_400;

export const info = (
  group: string,
  name: string,
  statename: ProcessStateName,
  extra: Partial<ProcessInfo> = {},
): ProcessInfo => ({
  name,
  group,
  state: PROCESS_STATE_CODES[statename],
  statename,
  description: '',
  pid: statename === 'RUNNING' || statename === 'STARTING' || statename === 'STOPPING' ? 4000 : 0,
  start: statename === 'RUNNING' ? NOW_SEC - 65 : 0,
  stop: 0,
  now: NOW_SEC,
  exitstatus: 0,
  spawnerr: '',
  logfile: `/var/log/${name}.log`,
  stdout_logfile: `/var/log/${name}.log`,
  stderr_logfile: '',
  ...extra,
});

export const usage = (
  group: string,
  name: string,
  extra: Partial<ProcessUsage> = {},
): ProcessUsage => ({
  key: `${group}:${name}`,
  pid: 4000,
  sampled: true,
  cpuPercent: 0,
  rssKb: 1024,
  processes: 1,
  restarts: 0,
  ...extra,
});

/** web's health as getProcessHealth reads it: no probe, no depends_on, unless `extra` says. */
export const processHealth = (extra: Partial<ProcessHealth> = {}): ProcessHealth => ({
  key: 'web:web',
  readiness: 'none',
  liveness: 'none',
  probeFailures: 0,
  waitingFor: '',
  restartInSec: null,
  dependsOn: [],
  reason: '',
  ...extra,
});

/** web (alone), api:api_0..2 (a group), broken (FATAL), cron (STOPPED). */
export const SAMPLE_PROCESSES: readonly ProcessInfo[] = [
  info('api', 'api_0', 'RUNNING', { pid: 101 }),
  info('api', 'api_1', 'RUNNING', { pid: 102 }),
  info('api', 'api_2', 'BACKOFF', {
    spawnerr: 'Exited too quickly (process log may have details)',
  }),
  info('broken', 'broken', 'FATAL', { spawnerr: "can't find command 'nope'" }),
  info('cron', 'cron', 'STOPPED', { description: 'Not started' }),
  info('web', 'web', 'RUNNING', { pid: 100 }),
];

export const feed = (state: DashboardState, ...inputs: DashboardInput[]): DashboardState =>
  inputs.reduce((s, input) => reduce(s, input).state, state);

export const key = (name: string, ch?: string): DashboardInput => ({
  type: 'key',
  key: name,
  ch: ch ?? (name.length === 1 ? name : undefined),
});

export const SERVER_URL = 'unix:///run/supervisor.sock';

/** A 160×48 dashboard that received SAMPLE_PROCESSES at local time = the daemon's time. */
export const sampleState = (
  processes: readonly ProcessInfo[] = SAMPLE_PROCESSES,
  size = { cols: 160, rows: 48 },
): DashboardState =>
  feed(initialState([{ name: '', serverUrl: SERVER_URL }], size, NOW_SEC * 1000), {
    type: 'processes',
    host: '',
    processes,
    receivedAtMs: NOW_SEC * 1000,
  });
