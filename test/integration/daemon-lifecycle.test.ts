// The daemon as a user runs it: foreground and detached, pidfile and socket housekeeping, a second
// daemon refused, config errors, -t (strip_ansi), SIGTERM with nothing left behind, SIGHUP reload,
// SIGUSR2.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  foreverProgram,
  killDaemon,
  PROGRAMS,
  runDaemonCommand,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { isAlive, readPid } from '../helpers/processes.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

let daemon: RunningDaemon | undefined;
let dir: TempDir | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
  dir?.remove();
  dir = undefined;
});

describe('daemon lifecycle', () => {
  it('runs in the foreground, and SIGTERM stops every child, removes pidfile and socket, exits 0', async () => {
    daemon = startDaemon(baseConfig(foreverProgram('a') + foreverProgram('b')));
    await daemon.waitForLog(/success: b entered RUNNING/);
    await daemon.waitForLog(/success: a entered RUNNING/);
    const pids = spawnedPids(daemon.mainLog());
    expect(pids).toHaveLength(2);
    expect(readPid(daemon.dir.join('supervisord.pid'))).toBe(daemon.pid);
    expect(existsSync(daemon.dir.join('supervisor.sock'))).toBe(true);

    expect(await daemon.stop('SIGTERM')).toBe(0);
    for (const pid of pids) {
      expect(isAlive(pid)).toBe(false);
    }
    expect(existsSync(daemon.dir.join('supervisord.pid'))).toBe(false);
    expect(existsSync(daemon.dir.join('supervisor.sock'))).toBe(false);
    expect(daemon.mainLog()).toContain('received SIGTERM indicating exit request');
  });

  it('detaches by default and returns only once the daemon is up', async () => {
    dir = makeTempDir();
    writeFileSync(dir.join('supervisord.conf'), baseConfig(foreverProgram('a')));
    const launched = runDaemonCommand(['-c', dir.join('supervisord.conf')], dir.path);
    expect(launched.stderr).toBe('');
    expect(launched.status).toBe(0);
    // Up means: pidfile written and the socket listening, at the moment the command returned.
    const pid = readPid(dir.join('supervisord.pid'));
    expect(pid).toBeDefined();
    expect(existsSync(dir.join('supervisor.sock'))).toBe(true);

    const second = runDaemonCommand(['-c', dir.join('supervisord.conf')], dir.path);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`already running with pid ${pid}`);

    const log = await waitFor(() => {
      const text = readFileSync(dir!.join('supervisord.log'), 'utf8');
      return text.includes('success: a entered RUNNING') && text;
    });
    const [child] = spawnedPids(log);
    process.kill(pid!, 'SIGTERM');
    await waitFor(() => !isAlive(pid!), { what: 'daemon to exit' });
    expect(isAlive(child!)).toBe(false);
    expect(existsSync(dir.join('supervisord.pid'))).toBe(false);
  });

  it('refuses a second daemon on the same socket', async () => {
    daemon = startDaemon(baseConfig(foreverProgram('a')));
    await daemon.waitForLog('supervisord started with pid');
    const other = makeTempDir();
    dir = other;
    const config = baseConfig().replace(
      /file=%\(here\)s\/supervisor.sock/,
      `file=${daemon.dir.join('supervisor.sock')}`,
    );
    writeFileSync(other.join('supervisord.conf'), config);
    const second = runDaemonCommand(['-n', '-c', other.join('supervisord.conf')], other.path);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('Another program is already listening');
    expect(isAlive(daemon.pid)).toBe(true);
  });

  it('names file, line, section and option of a config error, and starts nothing', () => {
    dir = makeTempDir();
    const path = dir.join('supervisord.conf');
    writeFileSync(path, `${baseConfig()}\n[program:bad]\ncommand=/bin/true\nautostart=maybe\n`);
    const result = runDaemonCommand(['-n', '-c', path], dir.path);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`^Error: ${path}:\\d+: \\[program:bad\\] autostart: `),
    );
    expect(result.stderr).toContain("not a valid boolean value: 'maybe'");
    expect(existsSync(dir.join('supervisord.pid'))).toBe(false);
  });

  it('-t strips ANSI escapes from what a program logs, as supervisord -t does', async () => {
    const colour = (name: string): string => `
[program:${name}]
command=/bin/sh -c "printf '\\033[1;31mred\\033[0m plain\\n'; exec sleep 100"
startsecs=0
stdout_logfile=%(here)s/${name}.log`;
    const logged = async (args: readonly string[]): Promise<string> => {
      daemon = startDaemon(baseConfig(colour('c')), { args });
      const log = daemon.dir.join('c.log');
      await waitFor(() => existsSync(log) && readFileSync(log, 'utf8').includes('plain'), {
        what: 'the program to log its line',
      });
      const text = readFileSync(log, 'utf8');
      await killDaemon(daemon);
      daemon = undefined;
      return text;
    };
    expect(await logged([])).toBe('\u001b[1;31mred\u001b[0m plain\n');
    expect(await logged(['-t'])).toBe('red plain\n');
  });

  it('SIGHUP reloads the config: removed programs stop, new ones start', async () => {
    daemon = startDaemon(baseConfig(foreverProgram('old')));
    await daemon.waitForLog(/success: old entered RUNNING/);
    const [oldPid] = spawnedPids(daemon.mainLog());
    writeFileSync(daemon.configPath, baseConfig(foreverProgram('new')));
    process.kill(daemon.pid, 'SIGHUP');
    await daemon.waitForLog(/success: new entered RUNNING/);
    expect(daemon.mainLog()).toContain('received SIGHUP indicating restart request');
    expect(isAlive(oldPid!)).toBe(false);
    expect(isAlive(daemon.pid)).toBe(true);
    expect(readPid(daemon.dir.join('supervisord.pid'))).toBe(daemon.pid);
  });

  it('SIGHUP with a broken config changes nothing: the error is logged, the programs keep running', async () => {
    daemon = startDaemon(baseConfig(foreverProgram('keep')));
    await daemon.waitForLog(/success: keep entered RUNNING/);
    const [pid] = spawnedPids(daemon.mainLog());
    writeFileSync(daemon.configPath, `${baseConfig(foreverProgram('keep'))}\nautostart=maybe\n`);
    process.kill(daemon.pid, 'SIGHUP');
    const log = await daemon.waitForLog(
      'restart refused, still running the previous configuration',
    );
    expect(log).toContain("not a valid boolean value: 'maybe'");
    expect(isAlive(pid!)).toBe(true);
    expect(log).not.toContain('stopped: keep');
    // Fixed, it reloads.
    writeFileSync(daemon.configPath, baseConfig(foreverProgram('keep')));
    process.kill(daemon.pid, 'SIGHUP');
    await daemon.waitForLog(/spawned: 'keep'[\s\S]*spawned: 'keep'/);
    expect(isAlive(pid!)).toBe(false);
  });

  it('SIGUSR2 reopens the logs, so logrotate can move them', async () => {
    daemon = startDaemon(
      baseConfig(
        foreverProgram(
          'talker',
          `stdout_logfile=%(here)s/talker.log\ncommand=${process.execPath} ${PROGRAMS}/forever.mjs 20`,
        ),
      ),
    );
    const log = daemon.dir.join('talker.log');
    await waitFor(() => existsSync(log) && readFileSync(log, 'utf8').includes('tick 2'));
    renameSync(log, `${log}.1`);
    renameSync(daemon.dir.join('supervisord.log'), daemon.dir.join('supervisord.log.1'));
    process.kill(daemon.pid, 'SIGUSR2');
    await waitFor(() => existsSync(log) && /tick \d+/.test(readFileSync(log, 'utf8')), {
      what: 'a new talker.log',
    });
    // As supervisord, the daemon says so before it reopens: the line is the old file's last.
    const oldMain = daemon.dir.join('supervisord.log.1');
    await waitFor(
      () =>
        (existsSync(daemon!.dir.join('supervisord.log')) &&
          readFileSync(oldMain, 'utf8').includes('supervisord logreopen')) ||
        undefined,
      { what: 'a new main log' },
    );
    // Nothing is lost or repeated across the two files: ticks continue where they stopped.
    const ticks = (text: string): number[] =>
      [...text.matchAll(/tick (\d+)/g)].map((m) => Number(m[1]));
    const before = ticks(readFileSync(`${log}.1`, 'utf8'));
    const after = ticks(readFileSync(log, 'utf8'));
    expect(after[0]).toBe(before.at(-1)! + 1);
  });
});
