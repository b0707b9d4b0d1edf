// The package as a user gets it: the working tree copied as a fresh checkout (no dist/), packed
// with `npm pack` (whose prepack builds it), installed with `npm install -g` into a temp prefix
// from a local registry that serves only the runtime dependencies, then its three commands run:
// tssupervisord, tssupervisorctl and tssupervisorctl dashboard (in tmux).

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { promisify } from 'node:util';

import { afterAll, beforeAll, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  REPO_ROOT,
  startDaemon,
  type RunningDaemon,
} from '../helpers/daemon-harness.js';
import { startLocalRegistry, type LocalRegistry } from '../helpers/local-registry.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

const dir: TempDir = makeTempDir('tss-pkg-');
let registry: LocalRegistry | undefined;
let daemon: RunningDaemon | undefined;
let tarballFiles: string[] = [];
const tmuxSocket = `tssup-pkg-${process.pid}`;

/** npm's own settings must not leak in from an `npm run` around the tests. */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_PATH'),
  );

const run = (command: string, args: readonly string[], cwd: string): string =>
  execFileSync(command, args, {
    cwd,
    env: cleanEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });

/** Asynchronously: the local registry answers from this very process. */
const runAsync = async (command: string, args: readonly string[], cwd: string): Promise<string> =>
  (
    await promisify(execFile)(command, args, {
      cwd,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 120_000,
    })
  ).stdout;

const installed = (command: string): string => dir.join('prefix', 'bin', command);

beforeAll(async () => {
  // A fresh checkout: what git tracks, plus new files it does not ignore; no dist/ and no build.
  const checkout = dir.join('checkout');
  mkdirSync(checkout);
  const files = run('git', ['ls-files', '-z', '-co', '--exclude-standard'], REPO_ROOT)
    .split('\0')
    .filter((f) => f !== '' && existsSync(`${REPO_ROOT}${f}`));
  execFileSync('cp', ['--parents', '-t', checkout, ...files], { cwd: REPO_ROOT });
  // The dev dependencies the build needs, as `npm ci` would have installed them.
  symlinkSync(`${REPO_ROOT}node_modules`, `${checkout}/node_modules`);

  run('npm', ['pack', '--silent', '--pack-destination', dir.path], checkout);
  const tarball = readdirSync(dir.path).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) {
    throw new Error('npm pack made no tarball');
  }
  tarballFiles = run('tar', ['-tzf', tarball], dir.path).trim().split('\n').sort();

  registry = await startLocalRegistry(`${REPO_ROOT}node_modules`);
  const { url } = registry;
  await runAsync(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      dir.join('prefix'),
      '--registry',
      url,
      '--cache',
      dir.join('npm-cache'),
      '--no-audit',
      '--no-fund',
      '--loglevel',
      'error',
      `./${tarball}`,
    ],
    dir.path,
  );
}, 180_000);

afterAll(async () => {
  try {
    execFileSync('tmux', ['-L', tmuxSocket, 'kill-server'], { stdio: 'ignore' });
  } catch {
    // no session left
  }
  await killDaemon(daemon);
  await registry?.close();
  dir.remove();
});

it('ships the bundles, bin/, docs, examples, packaging, LICENSE, README and CHANGELOG, only', () => {
  const top = new Set(tarballFiles.map((f) => f.split('/').slice(1, 3).join('/')));
  expect(top).toContain('dist/bundle');
  for (const file of [
    'LICENSE',
    'README.md',
    'CHANGELOG.md',
    'package.json',
    'bin/tssupervisord',
    'bin/tssupervisorctl',
    'dist/bundle/tssupervisord.js',
    'dist/bundle/tssupervisorctl.js',
    'docs/daemon.md',
    'conf.d/demo/supervisord.conf',
    'packaging/systemd/tssupervisord.service',
  ]) {
    expect(tarballFiles).toContain(`package/${file}`);
  }
  const unexpected = tarballFiles.filter(
    (f) =>
      !/^package\/(LICENSE|README\.md|CHANGELOG\.md|package\.json)$/.test(f) &&
      !/^package\/(bin|docs|conf\.d|packaging)\//.test(f) &&
      !/^package\/dist\/bundle\/[^/]+\.js$/.test(f),
  );
  expect(unexpected).toEqual([]);
});

it('installs with the runtime dependencies only', () => {
  // What npm fetched from the registry: ours, never a dev dependency (typescript, esbuild…).
  const requested = registry?.requested ?? [];
  expect(requested).toEqual(expect.arrayContaining(['blessed', 'koffi', 'pidusage']));
  expect(requested).not.toContain('commander');
  expect(requested).not.toContain('typescript');
  const modules = readdirSync(
    dir.join('prefix', 'lib', 'node_modules', 'tssupervisor', 'node_modules'),
  );
  expect(modules).toEqual(expect.arrayContaining(['blessed', 'koffi', 'pidusage']));
  expect(modules).not.toContain('commander');
});

it('runs tssupervisord and tssupervisorctl --version', () => {
  const version = /^4\.2\.5 \(tssupervisor \d+\.\d+\.\d+\S*\)\n$/;
  expect(run(installed('tssupervisord'), ['--version'], dir.path)).toMatch(version);
  expect(run(installed('tssupervisorctl'), ['--version'], dir.path)).toMatch(version);
});

it('supervises a program, controlled by its ctl and its dashboard', async () => {
  const config = baseConfig(`
[program:sleeper]
command=sleep 300
startsecs=0
`);
  daemon = startDaemon(config, { bin: installed('tssupervisord') });
  expect(
    run(installed('tssupervisord'), ['--check-config', '-c', daemon.configPath], dir.path),
  ).toContain('sleeper');
  const ctl = (...args: string[]): string =>
    run(installed('tssupervisorctl'), ['-c', daemon?.configPath ?? '', ...args], dir.path);
  await waitFor(() => /sleeper +RUNNING/.test(ctl('status')), { what: 'sleeper RUNNING' });
  // koffi (a native binary) loaded from the install: no warning that orphans go unreaped.
  expect(daemon.mainLog()).not.toContain('cannot reap');

  execFileSync(
    'tmux',
    [
      '-L',
      tmuxSocket,
      'new-session',
      '-d',
      '-s',
      'dash',
      '-x',
      '120',
      '-y',
      '30',
      '-e',
      'LANG=C.UTF-8',
      `${installed('tssupervisorctl')} -c ${daemon.configPath} dashboard`,
    ],
    { env: cleanEnv() },
  );
  const screen = (): string =>
    execFileSync('tmux', ['-L', tmuxSocket, 'capture-pane', '-p', '-t', 'dash'], {
      encoding: 'utf8',
    });
  await waitFor(() => /sleeper +RUNNING/.test(screen()), {
    timeoutMs: 15_000,
    what: 'the dashboard to show sleeper RUNNING',
  });

  ctl('shutdown');
  expect(await daemon.exited()).toBe(0);
});
