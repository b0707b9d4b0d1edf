// environment_file= with a real daemon and child: the variables reach the child in the right
// order of precedence, `update` restarts a program whose file changed, and a bad file is refused
// (at start, and by reread without touching what runs).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  baseConfig,
  CTL_BIN,
  PROGRAMS,
  runDaemonCommand,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { cleanupAfterEach } from '../helpers/cleanup.js';
import { isAlive } from '../helpers/processes.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

const printEnv = `
[program:env]
command=${process.execPath} ${PROGRAMS}/print-env.mjs
environment_file=%(here)s/base.env, %(here)s/local.env
environment=FROM_PROGRAM=program,OVERRIDDEN=program
stdout_logfile=%(here)s/env.log
startsecs=0
`;

const BASE_ENV = `# shared settings
export GREETING="hello, world"
OVERRIDDEN=base
FROM_BASE=base
MODE=old
`;

const cleanup = cleanupAfterEach();

const ctl = (running: RunningDaemon, ...args: string[]) =>
  spawnSync(process.execPath, [CTL_BIN, '-c', running.configPath, ...args], {
    cwd: running.dir.path,
    encoding: 'utf8',
    timeout: 20_000,
  });

/** The env.log once it holds `needle` (the program prints its environment once per start). */
const envLog = (running: RunningDaemon, needle: string): Promise<string> => {
  const log = running.dir.join('env.log');
  return waitFor(
    () =>
      existsSync(log) && readFileSync(log, 'utf8').includes(needle) && readFileSync(log, 'utf8'),
    {
      what: `env.log to contain ${needle}`,
    },
  );
};

describe('environment_file', () => {
  it('gives the child the files’ variables: later files over earlier, environment= over both', async () => {
    const daemon = cleanup.daemon(
      startDaemon(
        baseConfig(printEnv).replace(
          '[supervisord]',
          '[supervisord]\nenvironment=FROM_SUPERVISORD=1,OVERRIDDEN=global',
        ),
        { files: { 'base.env': BASE_ENV, 'local.env': "FROM_LOCAL='local'\nOVERRIDDEN=local\n" } },
      ),
    );
    const text = await envLog(daemon, 'UMASK=');
    for (const line of [
      'GREETING=hello, world',
      'FROM_BASE=base',
      'FROM_LOCAL=local',
      'FROM_PROGRAM=program',
      'FROM_SUPERVISORD=1',
      'OVERRIDDEN=program',
      'MODE=old',
    ]) {
      expect(text).toContain(`\n${line}\n`);
    }
  });

  it('update restarts a program whose file changed, with the new values', async () => {
    const daemon = cleanup.daemon(
      startDaemon(baseConfig(printEnv), {
        files: { 'base.env': BASE_ENV, 'local.env': '' },
      }),
    );
    await envLog(daemon, 'MODE=old');
    const [first] = spawnedPids(daemon.mainLog());
    writeFileSync(daemon.dir.join('base.env'), BASE_ENV.replace('MODE=old', 'MODE=new'));
    const reread = ctl(daemon, 'reread');
    expect(reread.stdout).toBe('env: changed\n');
    ctl(daemon, 'update');
    await envLog(daemon, 'MODE=new');
    expect(isAlive(first!)).toBe(false);
  });

  it('a bad line is refused: at start with both places named, by reread with nothing changed', async () => {
    const dir = cleanup.dir(makeTempDir());
    const path = dir.join('supervisord.conf');
    writeFileSync(path, baseConfig(printEnv));
    writeFileSync(dir.join('base.env'), 'GOOD=1\nnot a variable\n');
    writeFileSync(dir.join('local.env'), '');
    const started = runDaemonCommand(['-n', '-c', path], dir.path);
    expect(started.status).toBe(2);
    const optionLine =
      baseConfig(printEnv)
        .split('\n')
        .findIndex((l) => l.startsWith('environment_file')) + 1;
    expect(started.stderr).toContain(
      `Error: ${path}:${optionLine}: [program:env] environment_file: ${dir.join('base.env')}:2: expected KEY=VALUE, got "not a variable"`,
    );

    const daemon = cleanup.daemon(
      startDaemon(baseConfig(printEnv), {
        files: { 'base.env': BASE_ENV, 'local.env': '' },
      }),
    );
    await envLog(daemon, 'MODE=old');
    const [pid] = spawnedPids(daemon.mainLog());
    writeFileSync(daemon.dir.join('local.env'), '\n\nMODE="unclosed\n');
    const reread = ctl(daemon, 'reread');
    expect(reread.stdout).toContain(
      `ERROR: CANT_REREAD: ${daemon.dir.join('local.env')}:3: no closing " in`,
    );
    expect(isAlive(pid!)).toBe(true);
  });
});
