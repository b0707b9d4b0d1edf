// Config files whose bytes are not UTF-8, as a user meets them: the daemon refuses to start and
// names file:line, a SIGHUP or reread with such a file changes nothing, and the ctl's own -c file
// is refused the way supervisorctl refuses it.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  CTL_BIN,
  DAEMON_BIN,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { isAlive } from '../helpers/processes.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

const SUPERVISORCTL = '/usr/bin/supervisorctl';

/** `café` as Latin-1: the 0xe9 is not UTF-8. */
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

const keep = `
[program:keep]
command=${process.execPath} ${PROGRAMS}/forever.mjs
startsecs=0
`;

let daemon: RunningDaemon | undefined;
let dir: TempDir | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
  dir?.remove();
  dir = undefined;
});

const run = (bin: string, args: string[], cwd: string) =>
  spawnSync(
    bin === SUPERVISORCTL ? bin : process.execPath,
    bin === SUPERVISORCTL ? args : [bin, ...args],
    {
      cwd,
      encoding: 'utf8',
      timeout: 20_000,
    },
  );

describe('config bytes that are not UTF-8', () => {
  it('the daemon refuses to start: exit 2, the file, line, section and option named', () => {
    dir = makeTempDir();
    const path = dir.join('supervisord.conf');
    writeFileSync(path, latin1(`${baseConfig()}\n[program:x]\ncommand=/bin/echo café\n`));
    const started = run(DAEMON_BIN, ['-n', '-c', path], dir.path);
    expect(started.status).toBe(2);
    const line = baseConfig().split('\n').length + 2;
    expect(started.stderr).toContain(
      `Error: ${path}:${line}: [program:x] command: 'utf-8' codec can't decode byte 0xe9 in position `,
    );
    expect(started.stderr).toContain(': invalid continuation byte\n');
  });

  it('SIGHUP and reread with a bad included file change nothing; the programs keep running', async () => {
    daemon = startDaemon(baseConfig(`${keep}\n[include]\nfiles=conf.d/*.ini\n`), {
      files: { 'conf.d/ok.ini': '[program:other]\ncommand=/bin/cat\nautostart=false\n' },
    });
    await daemon.waitForLog(/success: keep entered RUNNING/);
    const [pid] = spawnedPids(daemon.mainLog());
    const bad = daemon.dir.join('conf.d/bad.ini');
    writeFileSync(bad, latin1('[program:x]\ncommand=/bin/echo café\n'));

    // The ctl reads only the main file, so it reaches the daemon, which refuses.
    const reread = run(CTL_BIN, ['-c', daemon.configPath, 'reread'], daemon.dir.path);
    expect(reread.stdout).toBe(
      "ERROR: CANT_REREAD: 'utf-8' codec can't decode byte 0xe9 in position 33: invalid continuation byte\n",
    );
    expect(reread.status).toBe(1);
    const update = run(CTL_BIN, ['-c', daemon.configPath, 'update'], daemon.dir.path);
    expect(update.status).not.toBe(0);
    expect(update.stdout + update.stderr).toContain('CANT_REREAD');

    process.kill(daemon.pid, 'SIGHUP');
    const log = await daemon.waitForLog(
      'restart refused, still running the previous configuration',
    );
    expect(log).toContain(
      `${bad}:2: [program:x] command: 'utf-8' codec can't decode byte 0xe9 in position 33: invalid continuation byte`,
    );
    expect(isAlive(daemon.pid)).toBe(true);
    expect(isAlive(pid!)).toBe(true);
    const status = run(CTL_BIN, ['-c', daemon.configPath, 'status', 'keep'], daemon.dir.path);
    expect(status.stdout).toContain(`RUNNING   pid ${pid}`);
  });

  it('tssupervisorctl -c refuses its file as supervisorctl does: exit 2, the same error', () => {
    dir = makeTempDir();
    const path = dir.join('ctl.conf');
    writeFileSync(
      path,
      latin1(`[supervisorctl]\nserverurl=unix://${dir.join('none.sock')}\nprompt=café\n`),
    );
    const ours = run(CTL_BIN, ['-c', path, 'status'], dir.path);
    const reference = run(SUPERVISORCTL, ['-c', path, 'status'], dir.path);
    expect(reference.status).toBe(2);
    expect(ours.status).toBe(2);
    const firstLine = (text: string): string => text.split('\n')[0] ?? '';
    expect(firstLine(ours.stderr)).toBe(firstLine(reference.stderr));
    expect(firstLine(ours.stderr)).toMatch(
      /^Error: 'utf-8' codec can't decode byte 0xe9 in position \d+/,
    );
  });
});
