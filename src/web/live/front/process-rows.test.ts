import { describe, expect, it } from 'vitest';

import { processInfo } from '../../../../test/fakes/supervisor-answers.js';
import type { ProcessHealthInfo } from '../../../protocol/process-health.js';
import { readProcessInfo, type ProcessInfo } from '../../../protocol/process-info.js';
import type { ProcessStatsInfo } from '../../../protocol/process-stats.js';
import {
  EMPTY_SNAPSHOT,
  HISTORY_SLOTS,
  withHealth,
  withProcesses,
  withStats,
} from './live-snapshot.js';
import { filterRows, groupsOf, healthText, processRows, sortRows } from './process-rows.js';

const info = (...args: Parameters<typeof processInfo>): ProcessInfo =>
  readProcessInfo('test', processInfo(...args));

const stats = (
  name: string,
  group: string,
  fields: Partial<ProcessStatsInfo>,
): ProcessStatsInfo => ({
  name,
  group,
  pid: 10,
  sampled: true,
  cpu_percent: 0,
  rss_kb: 0,
  processes: 1,
  restarts: 0,
  ...fields,
});

const health = (name: string, fields: Partial<ProcessHealthInfo>): ProcessHealthInfo => ({
  name,
  group: name,
  statename: 'STARTING',
  readiness: 'none',
  liveness: 'none',
  probe_failures: 0,
  waiting_for: '',
  restart_in: -1,
  depends_on: [],
  reason: '',
  restarted_by: '',
  next_restart: 0,
  ...fields,
});

// Listed at our 1_700_000_000 while the daemon says 1_700_000_062: its clock is 62 s ahead.
const LOCAL_NOW = 1_700_000_000;
const listed = withProcesses(
  EMPTY_SNAPSHOT,
  [
    info('web', 'RUNNING', { group: 'pool' }),
    info('api', 'RUNNING'),
    info('db', 'STOPPED'),
    info('job', 'FATAL', { description: 'spawn error' }),
  ],
  LOCAL_NOW,
);

describe('the process rows', () => {
  it("show each process's state, pid and uptime by the daemon's clock", () => {
    const rows = processRows(listed, LOCAL_NOW + 10);
    expect(rows.map((r) => [r.namespec, r.statename, r.tone, r.pid, r.uptimeSec])).toEqual([
      ['pool:web', 'RUNNING', 'statusrunning', 1003, 72],
      ['api', 'RUNNING', 'statusrunning', 1003, 72],
      ['db', 'STOPPED', 'statusnominal', null, null],
      ['job', 'FATAL', 'statuserror', null, null],
    ]);
    expect(rows[0]?.restarts).toBeNull();
  });

  it('carry figures and their history, a sample per fetch, at most HISTORY_SLOTS', () => {
    let snapshot = listed;
    for (let i = 1; i <= HISTORY_SLOTS + 2; i++) {
      snapshot = withStats(snapshot, [
        stats('web', 'pool', { cpu_percent: i, rss_kb: 100 * i, restarts: 2 }),
        stats('db', 'db', { pid: 0, sampled: false }),
        stats('api', 'api', { sampled: false }),
      ]);
    }
    const [web, api, db] = processRows(snapshot, LOCAL_NOW);
    expect([web?.cpuPercent, web?.memoryKb, web?.restarts]).toEqual([62, 6200, 2]);
    expect(web?.history.cpu).toHaveLength(HISTORY_SLOTS);
    expect(web?.history.cpu.at(-1)).toBe(62);
    expect(web?.history.cpu[0]).toBe(3);
    // Not running: zeros; running but not measurable yet: nothing.
    expect(db?.history.cpu).toHaveLength(HISTORY_SLOTS);
    expect(api?.history.cpu).toEqual([]);
    expect(api?.cpuPercent).toBeNull();
  });

  it('say what holds a process up, in a few words', () => {
    expect(healthText(undefined)).toBe('');
    expect(healthText(health('a', {}))).toBe('');
    expect(healthText(health('a', { readiness: 'pending' }))).toBe('pending');
    expect(healthText(health('a', { waiting_for: 'db' }))).toBe('waiting for db');
    expect(healthText(health('a', { reason: 'retrying in 8 s' }))).toBe('retrying in 8 s');
    expect(healthText(health('a', { readiness: 'ready', liveness: 'failing' }))).toBe(
      'ready, liveness failing',
    );
    const rows = processRows(withHealth(listed, [health('api', { waiting_for: 'db' })]), LOCAL_NOW);
    expect(rows.find((r) => r.namespec === 'api')?.health).toBe('waiting for db');
  });

  it('filter by text (name, state, description) and by group', () => {
    const rows = processRows(listed, LOCAL_NOW);
    const names = (text: string, group = ''): string[] =>
      filterRows(rows, { text, group, sort: 'name' }).map((r) => r.namespec);
    expect(names('WEB')).toEqual(['pool:web']);
    expect(names('running')).toEqual(['pool:web', 'api']);
    expect(names('spawn')).toEqual(['job']);
    expect(names('', 'pool')).toEqual(['pool:web']);
    expect(groupsOf(rows)).toEqual(['api', 'db', 'job', 'pool']);
  });

  it('sort by name, state or a figure (biggest first, missing last)', () => {
    const snapshot = withStats(listed, [
      stats('web', 'pool', { cpu_percent: 1, rss_kb: 900, restarts: 5 }),
      stats('api', 'api', { cpu_percent: 7, rss_kb: 100, restarts: 1 }),
    ]);
    const rows = processRows(snapshot, LOCAL_NOW);
    const order = (key: Parameters<typeof sortRows>[1]): string[] =>
      sortRows(rows, key).map((r) => r.namespec);
    expect(order('name')).toEqual(['api', 'db', 'job', 'pool:web']);
    expect(order('state')).toEqual(['db', 'api', 'pool:web', 'job']);
    expect(order('cpu')).toEqual(['api', 'pool:web', 'db', 'job']);
    expect(order('memory')).toEqual(['pool:web', 'api', 'db', 'job']);
    expect(order('restarts')).toEqual(['pool:web', 'api', 'db', 'job']);
  });
});
