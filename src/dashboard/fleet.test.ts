import { describe, expect, it } from 'vitest';

import type { ProcessInfo } from '../protocol/process-info.js';
import { reduce } from './model.js';
import { initialState, type DashboardState } from './state.js';
import { feed, info, key, NOW_SEC, usage } from './testing/sample-state.js';
import { textOf } from './view-types.js';
import { viewModel } from './view-model.js';

const HOSTS = ['web1', 'web2', 'web3'].map((name) => ({
  name,
  serverUrl: `unix:///run/${name}.sock`,
}));

const APP_AND_WEB: readonly ProcessInfo[] = [
  info('app', 'app', 'RUNNING', { pid: 10 }),
  info('web', 'web_0', 'RUNNING', { pid: 11 }),
  info('web', 'web_1', 'RUNNING', { pid: 12 }),
];

const answered = (host: string, processes: readonly ProcessInfo[] = APP_AND_WEB) =>
  ({ type: 'processes', host, processes, receivedAtMs: NOW_SEC * 1000 }) as const;

/** web1 and web2 answered, web3 not yet. */
const fleetState = (): DashboardState =>
  feed(
    initialState(HOSTS, { cols: 160, rows: 40 }, NOW_SEC * 1000),
    answered('web1', [...APP_AND_WEB, info('only1', 'only1', 'STOPPED')]),
    answered('web2'),
  );

const screen = (state: DashboardState): string[] => viewModel(state).lines.map(textOf);

/** Table rows as `HOST NAME STATE`. */
const table = (state: DashboardState): string[] =>
  screen(state)
    .slice(2)
    .filter((line) => /^[▶ ] \S/.test(line))
    .map((line) => line.slice(2).split(/\s+/).slice(0, 3).join(' ').trim());

const selectRow = (state: DashboardState, rowKey: string): DashboardState => {
  const index = state.rows.findIndex((row) => row.key === rowKey);
  expect(index).toBeGreaterThanOrEqual(0);
  return feed(state, key('home'), ...Array.from({ length: index }, () => key('j')));
};

describe('the dashboard on a fleet', () => {
  it('lists every host’s processes in fleet order under a HOST column; a silent host says so', () => {
    const state = fleetState();
    const lines = screen(state);
    expect(lines[0]).toMatch(/^ tssupervisor │ 3 hosts │ 7 processes: 6 running, 1 stopped/);
    expect(lines[1]).toMatch(/^ {2}HOST NAME +STATE/);
    expect(table(state)).toEqual([
      'web1 app RUNNING',
      'web1 only1 STOPPED',
      'web1 web:* RUNNING',
      'web1 web:web_0 RUNNING',
      'web1 web:web_1 RUNNING',
      'web2 app RUNNING',
      'web2 web:* RUNNING',
      'web2 web:web_0 RUNNING',
      'web2 web:web_1 RUNNING',
      'web3 connecting…',
    ]);
    expect(state.rows.map((row) => row.key)).toContain('web2:web:web_0');
  });

  it('a host that goes down is one row with why; its processes come back with its answer', () => {
    const up = feed(fleetState(), answered('web3'));
    const down = feed(up, {
      type: 'connection-lost',
      host: 'web2',
      reason: 'unix:///run/web2.sock refused connection',
      atMs: NOW_SEC * 1000,
    });
    const lines = screen(down);
    expect(lines[0]).toMatch(/3 hosts, down: web2 │ 7 processes/);
    expect(lines.slice(1).find((line) => line.includes('web2'))).toMatch(
      /^ {2}web2 +DOWN +down: unix:\/\/\/run\/web2\.sock refused connection/,
    );
    expect(table(down).filter((row) => row.startsWith('web2'))).toHaveLength(1);
    expect(table(down).filter((row) => row.startsWith('web3'))).toHaveLength(4);
    // No banner: the others are up.
    expect(lines[0]).not.toContain('connection lost');
    const back = feed(down, answered('web2'));
    expect(table(back)).toEqual(table(up));
    expect(screen(back)[0]).toMatch(/3 hosts │ 10 processes/);
  });

  it('routes actions, the detail page and the logs to the selected row’s host', () => {
    const state = selectRow(fleetState(), 'web2:app:app');
    expect(reduce(state, key('x')).effects).toEqual([
      {
        type: 'run-command',
        id: 1,
        command: { verb: 'stop', target: { kind: 'process', host: 'web2', namespec: 'app' } },
      },
    ]);
    expect(state.log.target).toEqual({
      kind: 'process',
      host: 'web2',
      namespec: 'app',
      channel: 'stdout',
    });
    expect(feed(state, key('m')).log.target).toEqual({ kind: 'main', host: 'web2' });
    const opened = reduce(state, key('enter'));
    expect(opened.effects).toEqual([
      { type: 'fetch-config', host: 'web2' },
      { type: 'fetch-detail', host: 'web2', namespec: 'app', key: 'web2:app:app' },
    ]);
    expect(screen(opened.state)[1]).toMatch(/^ web2:app {2}details/);

    const group = selectRow(state, 'web1:web:*');
    expect(reduce(group, key('s')).effects).toEqual([
      {
        type: 'run-command',
        id: 1,
        command: {
          verb: 'start',
          target: {
            kind: 'group',
            host: 'web1',
            group: 'web',
            members: ['web:web_0', 'web:web_1'],
          },
        },
      },
    ]);
    // A host with nothing to list has nothing to act on.
    const silent = selectRow(state, 'web3:');
    expect(reduce(silent, key('s')).effects).toEqual([]);
    expect(reduce(silent, key('enter')).effects).toEqual([]);
  });

  it('filters by host:name and keeps each host’s figures apart', () => {
    const filtered = feed(fleetState(), key('/'), ...'web2:app'.split('').map((c) => key(c)));
    expect(table(filtered)).toEqual(['web2 app RUNNING']);
    const figures = feed(
      fleetState(),
      { type: 'usage', host: 'web1', usage: [usage('app', 'app', { pid: 10, cpuPercent: 30 })] },
      { type: 'usage', host: 'web2', usage: [usage('app', 'app', { pid: 10, cpuPercent: 7 })] },
    );
    expect(figures.usage.get('web1:app:app')?.latest.cpuPercent).toBe(30);
    expect(figures.usage.get('web2:app:app')?.latest.cpuPercent).toBe(7);
    const web1App = screen(figures).find((line) => /^[▶ ] web1 app /.test(line));
    expect(web1App).toMatch(/ 30\.0 /);
  });

  it('ungrouped, the same process on every host sorts side by side; silent hosts first', () => {
    const state = feed(fleetState(), key('g'));
    expect(table(state).slice(0, 3)).toEqual([
      'web3 connecting…',
      'web1 app RUNNING',
      'web2 app RUNNING',
    ]);
  });

  it('one daemon looks as it always did: no HOST column, the server in the header', () => {
    const one = feed(
      initialState([{ name: '', serverUrl: 'unix:///run/s.sock' }], { cols: 160, rows: 40 }, 0),
      answered(''),
    );
    const lines = screen(one);
    expect(lines[0]).toMatch(/^ tssupervisor │ unix:\/\/\/run\/s\.sock │ 3 processes/);
    expect(lines[1]).toMatch(/^ {2}NAME +STATE/);
    expect(one.rows.map((row) => row.key)).toEqual(['app:app', 'web:*', 'web:web_0', 'web:web_1']);
  });
});
