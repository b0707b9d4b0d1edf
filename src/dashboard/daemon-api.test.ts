import { describe, expect, it } from 'vitest';

import { fakeRpcClient, ok } from '../../test/fakes/fake-rpc-client.js';
import { XmlRpcDouble } from '../protocol/xmlrpc/xmlrpc-value.js';
import { dashboardApi } from './daemon-api.js';
import { recordUsage, HISTORY_LENGTH } from './usage-history.js';

const row = (name: string, pid: number, cpu: number) => ({
  name,
  group: name,
  pid,
  sampled: pid !== 0,
  cpu_percent: new XmlRpcDouble(cpu),
  rss_kb: 2048,
  processes: 2,
  restarts: 1,
});

describe('the dashboard’s calls', () => {
  it('decodes tssupervisor.getProcessStats, doubles included', async () => {
    const rpc = fakeRpcClient({ 'tssupervisor.getProcessStats': ok([row('web', 10, 12.5)]) });
    const api = dashboardApi({ quick: rpc.client, waiting: rpc.client, longPoll: rpc.client });
    expect(await api.getProcessStats()).toEqual([
      {
        key: 'web:web',
        pid: 10,
        sampled: true,
        cpuPercent: 12.5,
        rssKb: 2048,
        processes: 2,
        restarts: 1,
      },
    ]);
  });

  it('sends the long-poll its token and timeout', async () => {
    const rpc = fakeRpcClient({ 'tssupervisor.waitForStateChange': ok('abc.7') });
    const api = dashboardApi({ quick: rpc.client, waiting: rpc.client, longPoll: rpc.client });
    expect(await api.waitForStateChange('abc.6', 20_000)).toBe('abc.7');
    expect(rpc.calls).toEqual([
      { method: 'tssupervisor.waitForStateChange', params: ['abc.6', 20_000] },
    ]);
  });
});

describe('usage history', () => {
  const usage = (pid: number, cpuPercent: number, sampled = true) => ({
    key: 'web:web',
    pid,
    sampled,
    cpuPercent,
    rssKb: 100 + cpuPercent,
    processes: 1,
    restarts: 0,
  });

  it('keeps the last samples per process, starts over for a new pid, drops the gone', () => {
    let table = recordUsage(new Map(), [usage(10, 1)], '');
    for (let i = 2; i <= HISTORY_LENGTH + 2; i++) {
      table = recordUsage(table, [usage(10, i)], '');
    }
    expect(table.get('web:web')?.cpu).toHaveLength(HISTORY_LENGTH);
    expect(table.get('web:web')?.cpu.at(-1)).toBe(HISTORY_LENGTH + 2);
    expect(recordUsage(table, [usage(11, 5)], '').get('web:web')?.cpu).toEqual([5]);
    expect(recordUsage(table, [usage(10, 0, false)], '').get('web:web')?.cpu).toEqual([]);
    expect(recordUsage(table, [], '').size).toBe(0);
  });
});
