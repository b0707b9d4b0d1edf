// Restart triggers with a real daemon and real children: a memory hog (its memory in a forked
// child, so only the whole tree is over the limit) is restarted at its limit; a burst of touches
// of a watched file restarts its program once per debounce window; restart_on_cron is accepted
// and status shows its next run; a bad schedule is refused naming file, line and option.

import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  baseConfig,
  foreverProgram,
  PROGRAMS,
  runCtl,
  runDaemonCommand,
  type RunningDaemon,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { cleanupAfterEach } from '../helpers/cleanup.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

const cleanup = cleanupAfterEach();

const ctl = runCtl;

const spawnsOf = (running: RunningDaemon, name: string): number =>
  [...running.mainLog().matchAll(new RegExp(`spawned: '${name}' with pid`, 'g'))].length;

const linesWith = (running: RunningDaemon, text: string): string[] =>
  running
    .mainLog()
    .split('\n')
    .filter((l) => l.includes(text));

/** A main-log line's time (`2026-12-05 12:00:00,123 INFO …`) in epoch ms, local time. */
const logTimeMs = (line: string): number => {
  const m = /^(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+),(\d+)/.exec(line);
  if (m === null) {
    throw new Error(`no time in ${line}`);
  }
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(y, mo - 1, d, h, mi, s, ms).getTime();
};

const sleepBetweenTouches = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

describe('restart_on_memory', () => {
  it('restarts a program whose process tree passes the limit, and says why', async () => {
    const daemon = cleanup.daemon(
      startDaemon(
        baseConfig(`
[program:hog]
command=${process.execPath} ${PROGRAMS}/memory-hog.mjs 20 400 child
startsecs=0
stopasgroup=true
restart_on_memory=150MB
`),
      ),
    );
    const line = await daemon.waitForLog(/restarting hog: memory \d+ MB > 150 MB/, 20_000);
    const over = /restarting hog: memory (\d+) MB > 150 MB/.exec(line);
    expect(Number(over?.[1])).toBeGreaterThan(150);
    await waitFor(() => spawnsOf(daemon, 'hog') >= 2, { what: 'the second spawn of hog' });
    // A normal stop: stopsignal to the group, the exit logged as a stop, then a start.
    expect(daemon.mainLog()).toMatch(/killing hog \(pid \d+\) process group with signal SIGTERM/);
    expect(daemon.mainLog()).toMatch(/stopped: hog \(terminated by SIGTERM\)/);
    const status = await waitFor(
      () => {
        const out = ctl(daemon, 'status', 'hog').stdout;
        return out.includes('RUNNING') && out.includes('restarted: memory') && out;
      },
      { what: 'status to show the restart' },
    );
    expect(status).toMatch(
      /^hog\s+RUNNING\s+pid \d+, uptime [\d:]+; restarted: memory \d+ MB > 150 MB\n$/,
    );
    const json = JSON.parse(ctl(daemon, 'status', '--json', 'hog').stdout) as {
      stats: { restarts: number } | null;
      health: { reason: string; restarted_by: string | null } | null;
    }[];
    expect(json[0]?.stats?.restarts).toBeGreaterThanOrEqual(1);
    expect(json[0]?.health?.reason).toMatch(/restarting: memory|restarted: memory/);
    expect(json[0]?.health?.restarted_by).toMatch(/^memory \d+ MB > 150 MB$/);
  });
});

describe('watch', () => {
  it('a burst of touches restarts the program once, a debounce after the last touch', async () => {
    const daemon = cleanup.daemon(
      startDaemon(
        baseConfig(
          foreverProgram(
            'web',
            'watch=%(here)s/src\nwatch_ignore=*.tmp\nwatch_debounce=1\nstopwaitsecs=5',
          ),
        ),
        { files: { 'src/pkg/app.py': 'print(1)\n' } },
      ),
    );
    await waitFor(() => spawnsOf(daemon, 'web') === 1, { what: 'web to start' });
    const app = daemon.dir.join('src/pkg/app.py');
    let lastTouch = 0;
    // Six touches 200 ms apart (1 s in all), with an ignored file written in between.
    for (let i = 0; i < 6; i++) {
      const when = new Date();
      utimesSync(app, when, when);
      writeFileSync(daemon.dir.join(`src/pkg/scratch${i}.tmp`), 'x');
      lastTouch = Date.now();
      await sleepBetweenTouches(200);
    }
    const [restart] = (await daemon.waitForLog(`restarting web: ${app} changed`, 10_000))
      .split('\n')
      .filter((l) => l.includes('restarting web:'));
    expect(restart).toContain(`INFO restarting web: ${app} changed`);
    // The log's milliseconds are truncated: allow for it.
    expect(logTimeMs(restart ?? '')).toBeGreaterThanOrEqual(lastTouch + 1000 - 20);
    await waitFor(() => spawnsOf(daemon, 'web') === 2, { what: 'web to start again' });

    // One more touch marks the end of the burst's window: it makes the second restart, so any
    // restart the burst made beyond one would have been logged before it.
    mkdirSync(daemon.dir.join('src/new'));
    writeFileSync(daemon.dir.join('src/new/mod.py'), 'x');
    await waitFor(() => spawnsOf(daemon, 'web') === 3, { what: 'the marker restart' });
    expect(linesWith(daemon, 'restarting web:')).toHaveLength(2);
    expect(linesWith(daemon, 'restarting web:')[1]).toContain(
      `restarting web: ${daemon.dir.join('src/new')}`,
    );
    expect(ctl(daemon, 'status', 'web').stdout).toMatch(
      /RUNNING\s+pid \d+, uptime [\d:]+; restarted: \//,
    );
  });
});

describe('restart_on_cron', () => {
  it('is accepted and status shows the next run, in local time', async () => {
    const daemon = cleanup.daemon(
      startDaemon(baseConfig(foreverProgram('nightly', 'restart_on_cron = 0 4 * * *'))),
    );
    await waitFor(() => spawnsOf(daemon, 'nightly') === 1, { what: 'nightly to start' });
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 4, 0);
    if (next.getTime() <= now.getTime()) {
      next.setDate(next.getDate() + 1);
    }
    const two = (n: number) => String(n).padStart(2, '0');
    const text = `${next.getFullYear()}-${two(next.getMonth() + 1)}-${two(next.getDate())} 04:00`;
    const [row] = JSON.parse(ctl(daemon, 'status', '--json', 'nightly').stdout) as {
      health: { next_restart: number | null } | null;
    }[];
    expect(row?.health?.next_restart).toBe(next.getTime() / 1000);
    expect(ctl(daemon, 'status', 'nightly').stdout).toMatch(
      new RegExp(`^nightly\\s+RUNNING\\s+pid \\d+, uptime [\\d:]+; next restart ${text}\\n$`),
    );
  });

  it('a bad schedule is refused at start, naming file, line and option', () => {
    const dir = cleanup.dir(makeTempDir());
    const path = dir.join('supervisord.conf');
    const config = baseConfig(foreverProgram('nightly', 'restart_on_cron = 0 4 * * fri-mon'));
    writeFileSync(path, config);
    const started = runDaemonCommand(['-n', '-c', path], dir.path);
    expect(started.status).toBe(2);
    const line = config.split('\n').findIndex((l) => l.startsWith('restart_on_cron')) + 1;
    expect(started.stderr).toContain(
      `Error: ${path}:${line}: [program:nightly] restart_on_cron: invalid day of week range 'fri-mon' in restart_on_cron '0 4 * * fri-mon' (it runs backwards)`,
    );
  });
});
