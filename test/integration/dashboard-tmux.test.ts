// The real dashboard (`tssupervisorctl dashboard`, built) in a real terminal: tmux on its own
// server socket, driven with send-keys and read with capture-pane, against a real daemon.

import { spawn, type ChildProcess } from 'node:child_process';

import { afterEach, describe, expect, it } from 'vitest';

import { createNodeHttpClient } from '../../src/platform/node-http-client.js';
import { createRpcClient, type RpcClient } from '../../src/protocol/client.js';
import {
  baseConfig,
  CTL_BIN,
  DAEMON_BIN,
  killDaemon,
  PROGRAMS,
  startDaemon,
  type RunningDaemon,
} from '../helpers/daemon-harness.js';
import { isAlive } from '../helpers/processes.js';
import { openTmuxPane, type TmuxPane } from '../helpers/tmux-pane.js';
import { waitFor } from '../helpers/wait-for.js';
import { struct } from './rpc-supervisor-harness.js';

const CONFIG = baseConfig(`
[program:web]
command=node ${PROGRAMS}/forever.mjs 300
environment=API_TOKEN="s3cret-value",PORT="8080"
startsecs=0

[program:worker]
command=node ${PROGRAMS}/forever.mjs
process_name=%(program_name)s_%(process_num)d
numprocs=2
startsecs=0

[program:broken]
command=/bin/false
startretries=0
`);

const COLS = 160;
const ROWS = 48;

interface Harness {
  readonly daemon: RunningDaemon;
  readonly rpc: RpcClient;
  /** A daemon started again on the same config (the daemon-restart test). */
  second: ChildProcess | null;
  pane: TmuxPane | null;
}

let harness: Harness | undefined;

afterEach(async () => {
  if (harness === undefined) {
    return;
  }
  const { pane, second, daemon, rpc } = harness;
  harness = undefined;
  rpc.close();
  pane?.kill();
  if (second?.pid !== undefined && isAlive(second.pid)) {
    second.kill('SIGKILL');
  }
  await killDaemon(daemon);
});

/** The open dashboard's terminal. */
const paneOf = (): TmuxPane => {
  const pane = harness?.pane;
  if (pane == null) {
    throw new Error('no dashboard open');
  }
  return pane;
};

const tmux = (...args: string[]): string => paneOf().tmux(...args);

const keys = (...keyNames: string[]): void => paneOf().keys(...keyNames);

const waitForScreen = (what: string, test: (lines: string[]) => boolean, timeoutMs = 15_000) =>
  paneOf().waitForScreen(what, test, timeoutMs);

const rowOf = (lines: string[], name: string): string | undefined =>
  lines.find((l) => new RegExp(`^[▶ ] +${name} `).test(l));

const pidOf = async (rpc: RpcClient, name: string): Promise<number> =>
  struct(await rpc.call('supervisor.getProcessInfo', [name]))['pid'] as number;

const openDashboard = async (size = { cols: COLS, rows: ROWS }): Promise<Harness> => {
  const daemon = startDaemon(CONFIG);
  const rpc = createRpcClient({
    endpoint: { kind: 'unix', path: daemon.dir.join('supervisor.sock') },
    username: null,
    password: null,
    transport: createNodeHttpClient(),
  });
  harness = { daemon, rpc, second: null, pane: null };
  await waitFor(async () => (await pidOf(rpc, 'web')) > 0, { what: 'web to run' });
  harness.pane = openTmuxPane(
    `${process.execPath} ${CTL_BIN} -c ${daemon.configPath} dashboard`,
    size,
  );
  await waitForScreen('the dashboard to show the programs', (lines) =>
    lines.some((l) => l.includes('4 processes')),
  );
  return harness;
};

describe('the dashboard in tmux', () => {
  it('shows the programs in their states, follows a log, and restarts with r', async () => {
    const { rpc } = await openDashboard();
    const lines = await waitForScreen(
      'every program in its state',
      (l) => /RUNNING/.test(rowOf(l, 'web') ?? '') && /FATAL/.test(rowOf(l, 'broken') ?? ''),
    );
    expect(lines).toHaveLength(ROWS);
    expect(rowOf(lines, 'worker:\\*')).toMatch(/RUNNING .* 2\/2 running/);
    expect(rowOf(lines, 'worker:worker_0')).toMatch(/RUNNING/);
    expect(rowOf(lines, 'web')).toContain(String(await pidOf(rpc, 'web')));
    expect(lines.at(-1)).toMatch(/^ ↑↓ {2}move .* q {2}quit/);

    // Filter down to web: it is selected, and the log pane follows its output.
    keys('/', 'w', 'e', 'b', 'Enter');
    await waitForScreen(
      'the log pane to show web’s output',
      (l) =>
        l.some((line) => line.startsWith('── web stdout live')) &&
        l.some((line) => /^tick \d+/.test(line)),
    );

    const before = await pidOf(rpc, 'web');
    keys('r');
    const after = await waitFor(
      async () => {
        const pid = await pidOf(rpc, 'web');
        return pid !== before && pid > 0 && pid;
      },
      { what: 'web to get a new pid' },
    );
    await waitForScreen(
      'the new pid and the result of the restart',
      (l) =>
        (rowOf(l, 'web') ?? '').includes(` ${after} `) &&
        l.some((line) => line.includes('web: restarted')),
    );
  });

  it('lays itself out again when the terminal is resized', async () => {
    await openDashboard();
    tmux('resize-window', '-t', 'pane', '-x', '100', '-y', '30');
    const lines = await waitForScreen(
      'a 100×30 layout',
      (l) =>
        l.length === 30 &&
        (l.at(-1) ?? '').startsWith(' ↑↓  move') &&
        l.every((line) => Array.from(line).length <= 100),
    );
    // 30 rows: header, titles, 16 table rows, the log pane's title at row 18, 9 log lines.
    expect(lines[18]).toMatch(/^── /);
    expect(rowOf(lines, 'web')).toMatch(/RUNNING/);
  });

  it('shows a banner while the daemon is away, and carries on with the next one', async () => {
    const { daemon, rpc } = await openDashboard();
    // A reload (supervisorctl reload): same daemon, new processes.
    const first = await pidOf(rpc, 'web');
    await rpc.call('supervisor.restart');
    await waitFor(async () => (await pidOf(rpc, 'web').catch(() => first)) !== first, {
      what: 'web restarted by the reload',
    });
    const reloaded = await pidOf(rpc, 'web');
    await waitForScreen('the reloaded daemon’s pids', (l) =>
      (rowOf(l, 'web') ?? '').includes(` ${reloaded} `),
    );

    // The daemon goes away altogether…
    await daemon.stop();
    await waitForScreen('the connection-lost banner', (l) =>
      (l[0] ?? '').includes('connection lost'),
    );
    // …and another one starts on the same socket.
    const second = spawn(process.execPath, [DAEMON_BIN, '-n', '-c', daemon.configPath], {
      cwd: daemon.dir.path,
      stdio: 'ignore',
    });
    harness!.second = second;
    const next = await waitFor(async () => (await pidOf(rpc, 'web').catch(() => 0)) || false, {
      what: 'the second daemon to run web',
    });
    await waitForScreen(
      'the banner gone and the new daemon’s pid shown',
      (l) => (l[0] ?? '').includes('4 processes') && (rowOf(l, 'web') ?? '').includes(` ${next} `),
    );
  });

  it.each([
    [80, 24],
    [200, 50],
  ])(
    'fits %i×%i: the census, the table, the log pane, and ? help and q quit',
    async (cols, rows) => {
      await openDashboard({ cols, rows });
      const lines = await waitForScreen(
        `a ${cols}×${rows} screen with every program and web’s log`,
        (l) =>
          /RUNNING/.test(rowOf(l, 'web') ?? '') &&
          /FATAL/.test(rowOf(l, 'broken') ?? '') &&
          l.some((line) => line.startsWith('── ')),
      );
      expect(lines).toHaveLength(rows);
      expect(lines.every((line) => Array.from(line).length <= cols)).toBe(true);
      expect(lines[0]).toContain('4 processes: 3 running, 1 fatal');
      expect(lines.at(-1)).toMatch(
        /^ ↑↓ {2}move {2}Enter {2}details .* \? {2}help {2}q {2}quit *$/,
      );
      // Every column at 200: the sparklines too; at 80 the essentials.
      expect(lines[1]).toMatch(
        cols === 200 ? /NAME +STATE +PID +UPTIME .*CPU% .*RSS .*INFO/ : /NAME +STATE/,
      );
    },
  );

  it('Enter shows the details of the selected process, Esc goes back to the table', async () => {
    const { rpc } = await openDashboard();
    keys('/', 'w', 'e', 'b', 'Enter');
    await waitForScreen('web selected', (l) => (rowOf(l, 'web') ?? '').startsWith('▶'));
    const pid = await pidOf(rpc, 'web');
    keys('Enter');
    const lines = await waitForScreen(
      'web’s detail page with its tree and environment',
      (l) =>
        l.some((line) => line.startsWith(' web  details')) &&
        l.some((line) => line.trimEnd().endsWith(`  node`) && line.startsWith(`  ${pid} `)) &&
        l.some((line) => line.includes('PORT=8080')),
    );
    const text = lines.join('\n');
    expect(text).toMatch(new RegExp(`^ state +RUNNING +pid ${pid} *$`, 'm'));
    expect(text).toMatch(/^ uptime +\d+:\d\d:\d\d, since \d\d:\d\d:\d\d *$/m);
    expect(text).toMatch(/^ command +node \S+forever\.mjs 300 *$/m);
    expect(text).toMatch(/^ user +the daemon's *$/m);
    expect(text).toMatch(/^ stdout log +\/\S+/m);
    expect(text).toMatch(/^ {2}API_TOKEN=\*{8} *$/m);
    expect(text).not.toContain('s3cret-value');
    expect(lines.at(-1)).toMatch(/Esc {2}back {2}\? {2}help {2}q {2}quit *$/);

    keys('Escape');
    const table = await waitForScreen('the table again, web still selected', (l) =>
      (rowOf(l, 'web') ?? '').startsWith('▶'),
    );
    expect(table[1]).toMatch(/^ +NAME +STATE/);
  });

  it('searches the log for a line the program wrote, and shows the log full screen with f', async () => {
    const { rpc } = await openDashboard();
    keys('/', 'w', 'e', 'b', 'Enter');
    const pid = await pidOf(rpc, 'web');
    // web writes `forever <pid> started` once, then a tick every 300 ms.
    await waitForScreen('web’s log with some ticks', (l) =>
      l.some((line) => /^tick \d+/.test(line)),
    );
    keys('Tab', '/');
    for (const ch of 'started') {
      keys(ch);
    }
    keys('Enter');
    const found = await waitForScreen(
      'the match counted in the title and its line on screen',
      (l) =>
        l.some((line) => line.includes('search “started” 1/1')) &&
        l.some((line) => line === `forever ${pid} started`.padEnd(line.length)),
    );
    // Found, the pane stopped following: new ticks do not push the line away.
    expect(found.some((line) => line.includes('paused'))).toBe(true);

    keys('f');
    const full = await waitForScreen('the log pane full screen', (l) =>
      l.some((line) => line.startsWith('── web stdout') && line.includes('full screen (f: back)')),
    );
    expect(full[1]).toMatch(/^── web stdout/);
    expect(rowOf(full, 'web')).toBeUndefined();
    keys('f');
    await waitForScreen(
      'the table back above the log pane',
      (l) =>
        (rowOf(l, 'web') ?? '').startsWith('▶') && !l.some((line) => line.includes('full screen')),
    );
  });

  it('e twice shows stdout and stderr together, each line tagged', async () => {
    const { rpc } = await openDashboard();
    keys('/', 'w', 'e', 'b', 'Enter');
    const pid = await pidOf(rpc, 'web');
    keys('e', 'e');
    await waitForScreen(
      'web’s two streams in one pane',
      (l) =>
        l.some((line) => line.startsWith('── web stdout+stderr live')) &&
        l.some((line) => line.startsWith(`out│ forever ${pid} started`)) &&
        l.some((line) => /^out│ tick \d+/.test(line)),
    );
  });

  it('q quits and gives the terminal back', async () => {
    await openDashboard();
    keys('q');
    await waitFor(() => !paneOf().alive(), {
      what: 'the dashboard (and so its tmux session) to end',
    });
  });
});
