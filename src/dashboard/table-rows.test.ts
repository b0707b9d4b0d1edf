import { describe, expect, it } from 'vitest';

import type { ProcessInfo } from '../protocol/process-info.js';
import { newHostLink } from './host-link.js';
import { buildRows, type SortKey } from './table-rows.js';
import { info, NOW_SEC, SAMPLE_PROCESSES, usage } from './testing/sample-state.js';
import { recordUsage } from './usage-history.js';

const figures = recordUsage(
  new Map(),
  [
    usage('web', 'web', { pid: 100, cpuPercent: 5, rssKb: 9000, restarts: 0 }),
    usage('api', 'api_0', { pid: 101, cpuPercent: 30, rssKb: 100, restarts: 4 }),
    usage('api', 'api_1', { pid: 102, cpuPercent: 40, rssKb: 100, restarts: 0 }),
  ],
  '',
);

const ONE = [newHostLink({ name: '', serverUrl: 'unix:///s.sock' })];
const hosted = (processes: readonly ProcessInfo[], host = '') =>
  processes.map((p) => ({ ...p, host }));

const keys = (sort: SortKey, grouped = true, filter = '') =>
  buildRows(hosted(SAMPLE_PROCESSES), figures, { hosts: ONE, sort, grouped, filter }).map(
    (r) => r.key,
  );

describe('table rows', () => {
  it.each<[SortKey, string[]]>([
    [
      'name',
      ['api:*', 'api:api_0', 'api:api_1', 'api:api_2', 'broken:broken', 'cron:cron', 'web:web'],
    ],
    [
      'state',
      ['broken:broken', 'api:*', 'api:api_2', 'api:api_0', 'api:api_1', 'cron:cron', 'web:web'],
    ],
    [
      'cpu',
      ['api:*', 'api:api_1', 'api:api_0', 'api:api_2', 'web:web', 'broken:broken', 'cron:cron'],
    ],
    [
      'memory',
      ['web:web', 'api:*', 'api:api_0', 'api:api_1', 'api:api_2', 'broken:broken', 'cron:cron'],
    ],
    [
      'restarts',
      ['api:*', 'api:api_0', 'api:api_1', 'api:api_2', 'broken:broken', 'cron:cron', 'web:web'],
    ],
  ])('sorted by %s: groups by their totals, members within', (sort, expected) => {
    expect(keys(sort)).toEqual(expected);
  });

  it('sorted by uptime: the most recently started first, what is not running last', () => {
    const processes = [
      info('old', 'old', 'RUNNING', { pid: 1, start: NOW_SEC - 1000 }),
      info('new', 'new', 'RUNNING', { pid: 2, start: NOW_SEC - 10 }),
      info('off', 'off', 'STOPPED'),
    ];
    expect(
      buildRows(hosted(processes), new Map(), {
        hosts: ONE,
        sort: 'uptime',
        grouped: true,
        filter: '',
      }).map((r) => r.key),
    ).toEqual(['new:new', 'old:old', 'off:off']);
  });

  it('ungrouped, every process is its own row', () => {
    expect(keys('cpu', false)).toEqual([
      'api:api_1',
      'api:api_0',
      'web:web',
      'api:api_2',
      'broken:broken',
      'cron:cron',
    ]);
  });

  it('filters by name and by state, case-insensitively; a group keeps its header', () => {
    expect(keys('name', true, 'API_1')).toEqual(['api:*', 'api:api_1']);
    expect(keys('name', true, 'backoff')).toEqual(['api:*', 'api:api_2']);
    expect(keys('name', true, 'stopped')).toEqual(['cron:cron']);
    expect(keys('name', true, 'nothing')).toEqual([]);
  });
});
