// Supervision with real children: autorestart without a tick, backoff to FATAL, SIGKILL escalation,
// process groups, shutdown order by priority, the child's environment and user, numprocs.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { makeSharedDir, NOBODY, type SharedDir } from '../helpers/other-user.js';
import { isAlive, readPid } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-for.js';

const node = process.execPath;
let daemon: RunningDaemon | undefined;
let shared: SharedDir | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
  shared?.remove();
  shared = undefined;
});

/** Milliseconds between two main-log lines, from their timestamps. */
const logTime = (line: string): number => {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3})/.exec(line);
  if (m === null) {
    throw new Error(`no timestamp in ${line}`);
  }
  return new Date(`${m[1]}T${m[2]}.${m[3]}`).getTime();
};
const lineMatching = (log: string, pattern: RegExp, nth = 0): string => {
  const lines = log.split('\n').filter((l) => pattern.test(l));
  const line = lines[nth];
  if (line === undefined) {
    throw new Error(`no line ${nth} matching ${String(pattern)} in\n${log}`);
  }
  return line;
};

describe('supervision with real children', () => {
  it('restarts a killed process at once (no 1 s tick)', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:web]
command=${node} ${PROGRAMS}/forever.mjs
autorestart=true
startsecs=0`),
    );
    await daemon.waitForLog(/success: web entered RUNNING/);
    const [first] = spawnedPids(daemon.mainLog());
    process.kill(first!, 'SIGKILL');
    const log = await daemon.waitForLog(
      /spawned: 'web' with pid \d+[\s\S]*spawned: 'web' with pid/,
    );
    expect(log).toContain('exited: web (terminated by SIGKILL; not expected)');
    const exited = logTime(lineMatching(log, /exited: web/));
    const respawned = logTime(lineMatching(log, /spawned: 'web'/, 1));
    // supervisord notices exits on a 1 s poll; we react to the exit itself.
    expect(respawned - exited).toBeLessThan(250);
    expect(isAlive(spawnedPids(log)[1]!)).toBe(true);
  });

  it("logs supervisord's 'received SIGCHLD' at debug level after each exit, and not at info", async () => {
    const program = `
[program:once]
command=${node} ${PROGRAMS}/exit-with.mjs 3
autorestart=false
startsecs=0`;
    daemon = startDaemon(baseConfig(program));
    const log = await daemon.waitForLog(/exited: once[^\n]*\n.*received SIGCHLD/);
    const lines = log.split('\n').map((l) => l.slice('2024-01-01 00:00:00,000 '.length));
    const exited = lines.indexOf('WARN exited: once (exit status 3; not expected)');
    expect(exited).toBeGreaterThan(-1);
    expect(lines[exited + 1]).toBe('DEBG received SIGCHLD indicating a child quit');
    await killDaemon(daemon);

    daemon = startDaemon(baseConfig(program).replace('loglevel=debug', 'loglevel=info'));
    await daemon.waitForLog(/exited: once/);
    expect(daemon.mainLog()).not.toContain('SIGCHLD');
  });

  it('backs off 1 s, 2 s, then gives up after startretries+1 attempts', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:crashy]
command=${node} ${PROGRAMS}/exit-with.mjs 1
startretries=2
startsecs=1`),
    );
    const log = await daemon.waitForLog(/gave up: crashy entered FATAL state/, 15_000);
    expect(spawnedPids(log)).toHaveLength(3);
    expect(log).toContain('exited: crashy (exit status 1; not expected)');
    const spawns = log
      .split('\n')
      .filter((l) => l.includes("spawned: 'crashy'"))
      .map(logTime);
    expect(spawns[1]! - spawns[0]!).toBeGreaterThanOrEqual(1000);
    expect(spawns[2]! - spawns[1]!).toBeGreaterThanOrEqual(2000);
  });

  it('kills a process that ignores its stopsignal after stopwaitsecs', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:stubborn]
command=${node} ${PROGRAMS}/ignore-sigterm.mjs
stdout_logfile=%(here)s/stubborn.log
stopwaitsecs=1
startsecs=0`),
    );
    // Its SIGTERM handler is installed before it says it started.
    const out = daemon.dir.join('stubborn.log');
    await waitFor(() => existsSync(out) && readFileSync(out, 'utf8').includes('started'));
    const [pid] = spawnedPids(daemon.mainLog());
    expect(await daemon.stop('SIGTERM')).toBe(0);
    expect(daemon.mainLog()).toMatch(/killing 'stubborn' \(\d+\) with SIGKILL/);
    expect(daemon.mainLog()).toContain('stopped: stubborn (terminated by SIGKILL)');
    expect(isAlive(pid!)).toBe(false);
  });

  it('stopasgroup leaves no grandchild behind', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:family]
command=${node} ${PROGRAMS}/fork-grandchild.mjs %(here)s/grandchild.pid
stopasgroup=true
startsecs=0`),
    );
    const grandchild = await waitFor(() => readPid(daemon!.dir.join('grandchild.pid')));
    expect(isAlive(grandchild)).toBe(true);
    expect(await daemon.stop('SIGTERM')).toBe(0);
    await waitFor(() => !isAlive(grandchild), { what: 'grandchild gone', timeoutMs: 2000 });
  });

  it('shuts groups down by descending priority, one group at a time', async () => {
    const prog = (name: string, priority: number): string => `
[program:${name}]
command=${node} ${PROGRAMS}/forever.mjs
priority=${priority}
startsecs=0`;
    daemon = startDaemon(baseConfig(prog('first', 10) + prog('third', 30) + prog('second', 20)));
    await daemon.waitForLog(/success: first[\s\S]*success: second[\s\S]*success: third/);
    await daemon.stop('SIGTERM');
    const stopped = daemon
      .mainLog()
      .split('\n')
      .filter((l) => l.includes('stopped: '))
      .map((l) => /stopped: (\w+)/.exec(l)?.[1]);
    expect(stopped).toEqual(['third', 'second', 'first']);
    const spawned = [...daemon.mainLog().matchAll(/spawned: '(\w+)'/g)].map((m) => m[1]);
    expect(spawned).toEqual(['first', 'second', 'third']);
  });

  it('gives the child supervisord environment, its own environment, directory and umask', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:env]
command=${node} ${PROGRAMS}/print-env.mjs
environment=GREETING="hello, world",SUPERVISOR_GROUP_NAME=overridden
directory=/tmp
umask=027
stdout_logfile=%(here)s/env.log
startsecs=0`).replace('[supervisord]', '[supervisord]\nenvironment=GREETING=global,ONLY_GLOBAL=1'),
    );
    const log = daemon.dir.join('env.log');
    const text = await waitFor(
      () =>
        existsSync(log) &&
        readFileSync(log, 'utf8').includes('UMASK=') &&
        readFileSync(log, 'utf8'),
    );
    expect(text).toContain('SUPERVISOR_ENABLED=1\n');
    expect(text).toContain('SUPERVISOR_PROCESS_NAME=env\n');
    expect(text).toContain(`SUPERVISOR_SERVER_URL=unix://${daemon.dir.join('supervisor.sock')}\n`);
    expect(text).toContain('SUPERVISOR_GROUP_NAME=overridden\n');
    expect(text).toContain('GREETING=hello, world\n');
    expect(text).toContain('ONLY_GLOBAL=1\n');
    expect(text).toContain('CWD=/tmp\n');
    expect(text).toContain('UMASK=0027\n');
  });

  it.runIf(process.getuid?.() === 0)('runs the program as user= when root', async () => {
    // nobody runs node and the fixture from where nobody may go, wherever the checkout lives.
    shared = makeSharedDir(NOBODY);
    const program = shared.copyFromRepo('test/fixtures/programs/print-env.mjs');
    const log = join(shared.path, 'nobody.log');
    daemon = startDaemon(
      baseConfig(`
[program:nobody]
command=${shared.node()} ${program}
user=nobody
stdout_logfile=${log}
startsecs=0`),
    );
    const text = await waitFor(
      () =>
        existsSync(log) && readFileSync(log, 'utf8').includes('UID=') && readFileSync(log, 'utf8'),
    );
    expect(text).toContain('UID=65534\n');
  });

  it('expands numprocs into processes with AUTO logs in childlogdir', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:worker]
command=${node} ${PROGRAMS}/forever.mjs
numprocs=3
numprocs_start=1
process_name=%(program_name)s-%(process_num)d
startsecs=0`),
    );
    const log = await daemon.waitForLog(/success: worker-3 entered RUNNING/);
    expect(log).toContain("spawned: 'worker-1'");
    expect(log).toContain("spawned: 'worker-2'");
    const autoLogs = readdirSync(daemon.dir.path).filter((f) =>
      /^worker-\d-stdout---supervisor-\w{8}\.log$/.test(f),
    );
    expect(autoLogs).toHaveLength(3);
    await waitFor(() =>
      autoLogs.every((f) => readFileSync(daemon!.dir.join(f), 'utf8').includes('forever')),
    );
  });
});
