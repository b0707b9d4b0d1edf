// packaging/: the systemd unit passes `systemd-analyze verify` and its commands do what its
// Type=forking contract says (ExecStart returns once the daemon is up and the PIDFile names it;
// ExecReload reloads; SIGTERM to the main pid leaves nothing); the logrotate snippet rotates the
// main and child logs and the daemon goes on writing into fresh files.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { DAEMON_BIN, PROGRAMS, REPO_ROOT, spawnedPids } from '../helpers/daemon-harness.js';
import { httpGet } from '../helpers/http-get.js';
import { isAlive, readPid } from '../helpers/processes.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

const run = promisify(execFile);
const UNIT = readFileSync(`${REPO_ROOT}packaging/systemd/tssupervisord.service`, 'utf8');
const LOGROTATE = readFileSync(`${REPO_ROOT}packaging/logrotate/tssupervisor`, 'utf8');
const hasSystemdAnalyze = (() => {
  try {
    execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let dir: TempDir | undefined;
afterEach(() => {
  if (dir === undefined) {
    return;
  }
  const pid = readPid(dir.join('supervisord.pid'));
  const log = existsSync(dir.join('supervisord.log'))
    ? readFileSync(dir.join('supervisord.log'), 'utf8')
    : '';
  for (const target of [pid, ...spawnedPids(log).map((p) => -p)]) {
    try {
      if (target !== undefined) {
        process.kill(target, 'SIGKILL');
      }
    } catch {
      // already gone
    }
  }
  dir.remove();
  dir = undefined;
});

/** The unit's (or snippet's) paths, moved into the test's temp dir. */
const localized = (text: string, d: TempDir): string =>
  text
    .replaceAll('/usr/local/bin/tssupervisord', DAEMON_BIN)
    .replaceAll('/etc/supervisor/supervisord.conf', d.join('supervisord.conf'))
    .replaceAll('/run/tssupervisor/supervisord.pid', d.join('supervisord.pid'))
    .replaceAll('/var/log/supervisor/', `${d.path}/`);

const directive = (unit: string, key: string): string => {
  const line = unit.split('\n').find((l) => l.startsWith(`${key}=`));
  if (line === undefined) {
    throw new Error(`the unit has no ${key}=`);
  }
  return line.slice(key.length + 1);
};

const writeConfig = (d: TempDir): void => {
  writeFileSync(
    d.join('supervisord.conf'),
    `[supervisord]
logfile=%(here)s/supervisord.log
logfile_maxbytes=0
pidfile=%(here)s/elsewhere.pid
childlogdir=%(here)s

[unix_http_server]
file=%(here)s/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[program:web]
command=node ${PROGRAMS}/forever.mjs 50
startsecs=0
stdout_logfile=%(here)s/web.log
stdout_logfile_maxbytes=0
`,
  );
};

/** Runs ExecStart as systemd would (no shell), and returns the daemon's pid from PIDFile. */
const execStart = async (d: TempDir): Promise<number> => {
  const unit = localized(UNIT, d);
  const [command, ...args] = directive(unit, 'ExecStart').split(' ');
  await run(command ?? '', args, { cwd: d.path });
  const pid = readPid(directive(unit, 'PIDFile'));
  expect(pid).toBeDefined();
  return pid ?? 0;
};

describe('the systemd unit', () => {
  it.skipIf(!hasSystemdAnalyze)('passes systemd-analyze verify', async () => {
    dir = makeTempDir();
    const path = dir.join('tssupervisord.service');
    writeFileSync(path, localized(UNIT, dir));
    const { stdout, stderr } = await run('systemd-analyze', ['verify', path]);
    expect(stdout + stderr).toBe('');
  });

  it('starts as Type=forking expects, reloads with ExecReload, stops on SIGTERM', async () => {
    const d = (dir = makeTempDir());
    writeConfig(d);
    const pid = await execStart(d);
    // Up when ExecStart returned: alive, listening, pidfile where PIDFile= says.
    expect(isAlive(pid)).toBe(true);
    expect((await httpGet({ socketPath: d.join('supervisor.sock') }, '/healthz')).status).toBe(200);
    await waitFor(
      async () =>
        (await httpGet({ socketPath: d.join('supervisor.sock') }, '/readyz')).status === 200,
      { what: 'web to run' },
    );

    const reload = directive(localized(UNIT, d), 'ExecReload').replace('$MAINPID', String(pid));
    const [kill, ...killArgs] = reload.split(' ');
    await run(kill ?? '', killArgs);
    await waitFor(
      () => readFileSync(d.join('supervisord.log'), 'utf8').match(/spawned: 'web'/g)?.length === 2,
      { what: 'web spawned again by the reload' },
    );
    expect(readPid(d.join('supervisord.pid'))).toBe(pid);

    // KillMode=mixed: SIGTERM to the main pid only; the daemon stops its programs itself.
    const children = spawnedPids(readFileSync(d.join('supervisord.log'), 'utf8'));
    process.kill(pid, 'SIGTERM');
    await waitFor(() => !isAlive(pid), { what: 'the daemon to exit' });
    expect(children.filter(isAlive)).toEqual([]);
    expect(existsSync(d.join('supervisord.pid'))).toBe(false);
  });
});

describe('the logrotate snippet', () => {
  it('rotates the main and child logs, and the daemon writes on into new files', async () => {
    const d = (dir = makeTempDir());
    writeConfig(d);
    await execStart(d);
    await waitFor(() => existsSync(d.join('web.log')) && statSync(d.join('web.log')).size > 0, {
      what: 'web to write its log',
    });
    const conf = d.join('logrotate.conf');
    writeFileSync(conf, localized(LOGROTATE, d));
    await run('logrotate', ['--force', '--state', d.join('logrotate.state'), conf]);

    // delaycompress: the first backups stay plain text.
    expect(readFileSync(d.join('supervisord.log.1'), 'utf8')).toContain('spawned: ');
    expect(readFileSync(d.join('web.log.1'), 'utf8')).toMatch(/^forever \d+ started/);
    await waitFor(
      () =>
        existsSync(d.join('web.log')) && /^tick \d+/.test(readFileSync(d.join('web.log'), 'utf8')),
      { what: 'web to write into a new web.log' },
    );
    process.kill(readPid(d.join('supervisord.pid')) ?? 0, 'SIGTERM');
    await waitFor(
      () => /exiting|stopped: web/.test(readFileSync(d.join('supervisord.log'), 'utf8')),
      {
        what: 'the new main log to get the shutdown lines',
      },
    );
  });
});
