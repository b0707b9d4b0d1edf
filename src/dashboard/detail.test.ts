import { describe, expect, it } from 'vitest';

import type { ConfigInfo } from '../protocol/config-info.js';
import type { ProcessDetailInfo } from '../protocol/process-detail.js';
import { fakeRpcClient, fault, ok } from '../../test/fakes/fake-rpc-client.js';
import { XmlRpcDouble } from '../protocol/xmlrpc/xmlrpc-value.js';
import { dashboardApi } from './daemon-api.js';
import { syncDetail } from './detail-sync.js';
import type { DashboardInput } from './inputs.js';
import { reduce } from './model.js';
import { treeLines } from './process-tree.js';
import type { DashboardState } from './state.js';
import {
  feed,
  info,
  key,
  NOW_SEC,
  processHealth,
  sampleState,
  SAMPLE_PROCESSES,
} from './testing/sample-state.js';
import { viewModel } from './view-model.js';
import { textOf } from './view-types.js';

const webDetail: ProcessDetailInfo = {
  name: 'web',
  group: 'web',
  command: 'node server.js --port 8080',
  directory: '/srv/web',
  user: 'www',
  environment: ['API_TOKEN=********', 'PORT=8080'],
  tree: [
    { pid: 100, ppid: 1, name: 'node', cpu_percent: 1.5, rss_kb: 40_960 },
    { pid: 121, ppid: 120, name: 'sleep', cpu_percent: 0, rss_kb: 500 },
    { pid: 120, ppid: 100, name: 'sh', cpu_percent: 12.5, rss_kb: 1024 },
  ],
};

const webConfig: ConfigInfo = {
  name: 'web',
  group: 'web',
  inuse: true,
  autostart: true,
  group_prio: 999,
  process_prio: 999,
  command: '/usr/bin/node server.js',
  directory: 'none',
  uid: 'none',
};

const screenOf = (state: DashboardState): string[] => viewModel(state).lines.map(textOf);

/** web is the last row of the sample: End selects it, Enter opens its page. */
const openWeb = (state = sampleState()) => reduce(feed(state, key('end')), key('enter'));

const answered = (state: DashboardState, ...inputs: DashboardInput[]) => feed(state, ...inputs);

describe('the detail page', () => {
  it('opens on Enter for the selected process and asks for its config and details', () => {
    const { state, effects } = openWeb();
    expect(state.page).toEqual({
      kind: 'detail',
      host: '',
      key: 'web:web',
      namespec: 'web',
      scrollTop: 0,
    });
    expect(effects).toEqual([
      { type: 'fetch-config', host: '' },
      { type: 'fetch-detail', host: '', namespec: 'web', key: 'web:web' },
    ]);
    const lines = screenOf(state);
    expect(lines[1]).toMatch(/^ web {2}details/);
    expect(lines.find((l) => l.startsWith(' command'))).toMatch(/command +…/);
    expect(lines.at(-1)).toMatch(/Esc +back +\? +help +q +quit $/);
  });

  it('shows command, directory, user, the tree under its parents, and the masked environment', () => {
    const state = answered(
      openWeb().state,
      { type: 'config', host: '', configs: [webConfig] },
      { type: 'detail', host: '', key: 'web:web', info: webDetail },
      {
        type: 'usage',
        host: '',
        usage: [
          {
            key: 'web:web',
            pid: 100,
            sampled: true,
            cpuPercent: 14,
            rssKb: 1,
            processes: 3,
            restarts: 2,
          },
        ],
      },
    );
    const lines = screenOf({ ...state, size: { cols: 100, rows: 60 } });
    const text = lines.join('\n');
    expect(text).toMatch(/^ state +RUNNING/m);
    expect(text).toMatch(/^ command +node server\.js --port 8080 +$/m);
    expect(text).toMatch(/^ directory +\/srv\/web +$/m);
    expect(text).toMatch(/^ user +www +$/m);
    expect(text).toMatch(/^ uptime +0:01:05, since \d\d:\d\d:\d\d +$/m);
    expect(text).toMatch(/^ restarts +2 +$/m);
    expect(text).toMatch(/^ stdout log +\/var\/log\/web\.log +$/m);
    const tree = lines.slice(lines.findIndex((l) => l.startsWith(' PROCESS TREE')) + 2).slice(0, 3);
    expect(tree.map((l) => l.trimEnd())).toEqual([
      '  100        1.5   40.0M  node',
      '  120       12.5    1.0M  └ sh',
      '  121        0.0    500K    └ sleep',
    ]);
    expect(text).toMatch(/^ {2}API_TOKEN=\*{8} +$/m);
    expect(text).toMatch(/^ {2}PORT=8080 +$/m);
    expect(text).toMatch(/^ state +RUNNING +pid 100 +$/m);
    // Nothing to say about health without a probe or depends_on.
    const plain = processHealth();
    expect(
      screenOf(feed(state, { type: 'health', host: '', health: [plain] })).join('\n'),
    ).not.toMatch(/^ health/m);
  });

  it('from supervisord: command and user from getAllConfigInfo, no tree or environment, no fetch', () => {
    const unsupported = feed(sampleState(), {
      type: 'support',
      host: '',
      feature: 'detail',
      support: 'no',
    });
    const { state, effects } = openWeb(unsupported);
    expect(effects).toEqual([{ type: 'fetch-config', host: '' }]);
    const text = screenOf(
      answered(
        { ...state, size: { cols: 100, rows: 60 } },
        { type: 'config', host: '', configs: [webConfig] },
      ),
    ).join('\n');
    expect(text).toMatch(/^ command +\/usr\/bin\/node server\.js +$/m);
    expect(text).toMatch(/^ user +the daemon's +$/m);
    expect(text).toMatch(/^ directory +the daemon's +$/m);
    expect(text.match(/not served by this daemon \(supervisord\)/g)).toHaveLength(2);
  });

  it('says what went wrong when the config could not be read', () => {
    const state = answered(openWeb().state, {
      type: 'config-failed',
      host: '',
      reason: 'timed out',
    });
    expect(screenOf(state).join('\n')).toMatch(/^ directory +not known \(timed out\)/m);
  });

  it('takes no answer meant for another page', () => {
    const state = answered(openWeb().state, {
      type: 'detail',
      host: '',
      key: 'cron:cron',
      info: { ...webDetail, command: 'cron -f' },
    });
    expect(state.detail).toEqual({ kind: 'none' });
  });

  it('shows last exit, spawn error, stderr log and health', () => {
    const processes = SAMPLE_PROCESSES.map((p) =>
      p.name === 'web'
        ? info('web', 'web', 'BACKOFF', {
            stop: NOW_SEC - 5,
            start: NOW_SEC - 6,
            exitstatus: 0,
            spawnerr: 'Exited too quickly (process log may have details)',
            stderr_logfile: '/var/log/web.err',
          })
        : p,
    );
    const health = processHealth({
      readiness: 'pending',
      probeFailures: 3,
      dependsOn: ['db:ready'],
      reason: 'not ready: connection refused (3)',
    });
    const state = answered(openWeb(sampleState(processes)).state, {
      type: 'health',
      host: '',
      health: [health],
    });
    const text = screenOf(state).join('\n');
    expect(text).toMatch(
      /^ last exit +too soon to count as started, at \d\d:\d\d:\d\d \(no exit status is kept then\)/m,
    );
    expect(text).toMatch(/^ spawn error +Exited too quickly/m);
    expect(text).toMatch(/^ stderr log +\/var\/log\/web\.err +$/m);
    expect(text).toMatch(
      /^ health +readiness pending · liveness none · 3 failed in a row · depends on db:ready · not ready: connection refused \(3\)/m,
    );
    expect(text).toMatch(/^ uptime +not running/m);
  });

  it.each([
    [3, 'exit status 3'],
    [-1, 'killed by a signal'],
  ])('says how an EXITED process went: %i', (exitstatus, how) => {
    const processes = SAMPLE_PROCESSES.map((p) =>
      p.name === 'web'
        ? info('web', 'web', 'EXITED', { stop: NOW_SEC - 5, start: NOW_SEC - 600, exitstatus })
        : p,
    );
    const text = screenOf(openWeb(sampleState(processes)).state).join('\n');
    expect(text).toMatch(new RegExp(`^ last exit +${how}, at \\d\\d:\\d\\d:\\d\\d +$`, 'm'));
  });

  it('wraps a long command instead of cutting it', () => {
    const long = `python -m worker ${'--option '.repeat(12)}--last`;
    const state = answered(
      { ...openWeb().state, size: { cols: 80, rows: 40 } },
      { type: 'detail', host: '', key: 'web:web', info: { ...webDetail, command: long } },
    );
    const lines = screenOf(state);
    const at = lines.findIndex((l) => l.startsWith(' command'));
    const shown = lines
      .slice(at, at + 2)
      .map((l) => l.slice(14).trimEnd())
      .join('');
    expect(shown).toBe(long);
  });

  it('scrolls with the moves, no further than its last line, and goes back with Esc or Enter', () => {
    const small = sampleState(undefined, { cols: 80, rows: 24 });
    const opened = answered(openWeb(small).state, {
      type: 'detail',
      host: '',
      key: 'web:web',
      info: webDetail,
    });
    expect(screenOf(opened)[1]).toMatch(/↓ \d+ more/);
    const bottom = feed(opened, key('end'));
    expect(bottom.page.kind === 'detail' && bottom.page.scrollTop).toBeGreaterThan(0);
    expect(feed(bottom, key('down'))).toBe(bottom);
    expect(screenOf(bottom).join('\n')).toContain('PORT=8080');
    expect(feed(bottom, key('home')).page).toMatchObject({ scrollTop: 0 });
    // The selection stays where it was: web.
    for (const back of ['escape', 'enter']) {
      const table = feed(bottom, key(back));
      expect(table.page).toEqual({ kind: 'table' });
      expect(table.selectedKey).toBe('web:web');
      expect(screenOf(table)[1]).toMatch(/^ *NAME/);
    }
  });

  it('keeps the keys: Tab goes to the log pane and back, s starts the process shown', () => {
    const opened = openWeb().state;
    const inLog = feed(opened, key('tab'));
    expect(inLog.focus).toBe('log');
    expect(feed(inLog, key('escape')).page.kind).toBe('detail');
    expect(reduce(opened, key('s')).effects).toEqual([
      {
        type: 'run-command',
        id: 1,
        command: { verb: 'start', target: { kind: 'process', host: '', namespec: 'web' } },
      },
    ]);
  });

  it('is not for a group: Enter on its row says so', () => {
    const step = reduce(sampleState(), key('enter'));
    expect(step.state.page).toEqual({ kind: 'table' });
    expect(step.state.message?.text).toMatch(/api is a group: select one of its processes/);
  });

  it('says so when the process is gone', () => {
    const opened = openWeb().state;
    const gone = feed(opened, {
      type: 'processes',
      host: '',
      processes: SAMPLE_PROCESSES.filter((p) => p.name !== 'web'),
      receivedAtMs: NOW_SEC * 1000,
    });
    expect(screenOf(gone)[2]).toMatch(/this process is gone/);
  });
});

describe('a process tree', () => {
  const m = (pid: number, ppid: number) => ({
    pid,
    ppid,
    name: `p${pid}`,
    cpu_percent: 0,
    rss_kb: 0,
  });

  it('lists each child under its parent, by pid, and an orphaned member under the root', () => {
    const lines = treeLines([m(10, 1), m(13, 10), m(11, 10), m(12, 11), m(20, 99)]);
    expect(lines.map((l) => [l.member.pid, l.depth])).toEqual([
      [10, 0],
      [11, 1],
      [12, 2],
      [13, 1],
      [20, 1],
    ]);
    expect(treeLines([])).toEqual([]);
  });
});

describe('fetching the details on the beat', () => {
  const wire = {
    ...webDetail,
    tree: webDetail.tree.map((m) => ({ ...m, cpu_percent: new XmlRpcDouble(m.cpu_percent) })),
  };
  const beat = async (state: DashboardState, answer = ok(wire)) => {
    const rpc = fakeRpcClient({ 'tssupervisor.getProcessDetail': answer });
    const api = dashboardApi({ quick: rpc.client, waiting: rpc.client, longPoll: rpc.client });
    const inputs: DashboardInput[] = [];
    await syncDetail(api, state, '', (input) => inputs.push({ ...input, host: '' }));
    return { calls: rpc.calls, inputs };
  };
  const connected = feed(sampleState(), { type: 'connected', host: '' });

  it('asks only while a page is open, for its process', async () => {
    expect((await beat(connected)).calls).toHaveLength(0);
    const { calls, inputs } = await beat(openWeb(connected).state);
    expect(calls.map((c) => [c.method, c.params])).toEqual([
      ['tssupervisor.getProcessDetail', ['web']],
    ]);
    expect(inputs).toEqual([
      { type: 'detail', host: '', key: 'web:web', info: webDetail },
      { type: 'support', host: '', feature: 'detail', support: 'yes' },
    ]);
  });

  it('stops asking a daemon without it (supervisord)', async () => {
    const open = openWeb(connected).state;
    const { inputs } = await beat(open, fault('UNKNOWN_METHOD'));
    expect(inputs).toEqual([{ type: 'support', host: '', feature: 'detail', support: 'no' }]);
    expect((await beat(feed(open, ...inputs))).calls).toHaveLength(0);
  });
});
