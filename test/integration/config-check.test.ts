// The config check (--check-config), and the check and the daemon on configs with typos: names
// supervisord ignores are warned about (file, line, the nearest known name), never refused.

import { writeFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  baseConfig,
  foreverProgram,
  PROGRAMS,
  runDaemonCommand,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { cleanupAfterEach } from '../helpers/cleanup.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const TYPOS = `
[program:web]
command=${process.execPath} ${PROGRAMS}/forever.mjs
startsecs=0
autorestrat=true

[progam:api]
command=/bin/true
`;

/** The line of a config text that starts with `needle`. */
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.startsWith(needle)) + 1;

const cleanup = cleanupAfterEach();

describe('the config check', () => {
  it('--check-config validates and prints the effective programs', () => {
    const dir = cleanup.dir(makeTempDir());
    const path = dir.join('supervisord.conf');
    writeFileSync(
      path,
      baseConfig(
        foreverProgram('web', 'numprocs=2\nprocess_name=%(program_name)s_%(process_num)02d'),
      ),
    );
    const ok = runDaemonCommand(['--check-config', '-c', path], dir.path);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`configuration ${path} is valid`);
    expect(ok.stdout).toContain('web_00:');
    expect(ok.stdout).toContain('web_01:');

    writeFileSync(path, `${baseConfig()}\n[program:x]\nstartsecs=abc\ncommand=y\n`);
    const bad = runDaemonCommand(['--check-config', '-c', path], dir.path);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('startsecs');
  });
});

describe('names supervisord ignores', () => {
  it('the check names each typo and its suggestion on stderr, and still exits 0', () => {
    const dir = cleanup.dir(makeTempDir());
    const path = dir.join('supervisord.conf');
    const text = baseConfig(TYPOS);
    writeFileSync(path, text);
    const result = runDaemonCommand(['--check-config', '-c', path], dir.path);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`configuration ${path} is valid`);
    expect(result.stdout).not.toContain('autorestrat');
    // (as root, supervisord's CRIT about privileges comes first)
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('CRITICAL: '))).toEqual([
      `WARN: ${path}:${lineOf(text, 'autorestrat')}: [program:web] autorestrat: unknown option, ignored; did you mean autorestart?`,
      `WARN: ${path}:${lineOf(text, '[progam:api]')}: [progam:api]: unknown section, ignored; did you mean [program:api]?`,
      '',
    ]);
  });

  it('a refused config comes with the typo that may explain it', () => {
    const dir = cleanup.dir(makeTempDir());
    const path = dir.join('supervisord.conf');
    const text = baseConfig('[program:web]\ncomand=/bin/true\n');
    writeFileSync(path, text);
    // --test: the check's other name
    const check = runDaemonCommand(['--test', '-c', path], dir.path);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('does not specify a command');
    const hint = `WARN: ${path}:${lineOf(text, 'comand')}: [program:web] comand: unknown option, ignored; did you mean command?`;
    expect(check.stderr).toContain(hint);
    const start = runDaemonCommand(['-n', '-c', path], dir.path);
    expect(start.status).toBe(2);
    expect(start.stderr).toMatch(/^Error: .*does not specify a command/);
    expect(start.stderr).toContain(hint);
  });

  it('the daemon warns in its main log at start, and runs the config as supervisord would', async () => {
    const daemon = cleanup.daemon(startDaemon(baseConfig(TYPOS)));
    await daemon.waitForLog(/success: web entered RUNNING/);
    const log = daemon.mainLog();
    const path = daemon.configPath;
    expect(log).toMatch(
      new RegExp(
        `WARN ${path}:\\d+: \\[program:web\\] autorestrat: unknown option, ignored; did you mean autorestart\\?`,
      ),
    );
    expect(log).toContain(
      `WARN ${path}:${lineOf(baseConfig(TYPOS), '[progam:api]')}: [progam:api]: unknown section, ignored; did you mean [program:api]?`,
    );
    // [progam:api] is no program: nothing of it runs.
    expect(log).not.toContain("spawned: 'api'");
  });
});
