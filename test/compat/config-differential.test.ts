// Differential test of the config loader: every config in the corpus is parsed by the real
// supervisord (through supervisord-config-dump.py) and by us; what both understood must be equal.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/config/load.js';
import type { Config, LogStreamConfig, ProcessConfig } from '../../src/config/types.js';
import { signalNumber } from '../../src/model/signals.js';
import { createNodeConfigHost } from '../../src/platform/node-config-host.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = resolve('test/compat/supervisord-config-dump.py');
const CORPUS = resolve('test/fixtures/configs/differential');
const ERRORS = join(CORPUS, 'errors');

/** The same environment for both parsers: ENV_* names must agree. */
const ENV = {
  PATH: '/usr/bin:/bin',
  HOME: '/root',
  LANG: 'C.UTF-8',
  TESTVAR: 'hello',
  PRIO: '7',
  BOOL: 'false',
};

let cwd = '';

beforeAll(() => {
  // Relative logfile/pidfile paths resolve against the startup cwd; some fixtures use logs/.
  cwd = mkdtempSync(join(tmpdir(), 'tssupervisor-config-diff-'));
  mkdirSync(join(cwd, 'logs'));
});

afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const reference = (file: string): { ok: boolean; error?: string } & Record<string, Json> => {
  const run = spawnSync(PYTHON, [SCRIPT, file], { cwd, env: ENV, encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`the reference parser failed to run: ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as { ok: boolean; error?: string } & Record<string, Json>;
};

const load = (file: string): ReturnType<typeof loadConfig> =>
  loadConfig(file, createNodeConfigHost({ env: ENV, cwd }));

const stream = (s: LogStreamConfig): Json => ({
  logfile: { ...s.logfile },
  maxBytes: s.maxBytes,
  backups: s.backups,
  captureMaxBytes: s.captureMaxBytes,
  eventsEnabled: s.eventsEnabled,
  syslog: s.syslog,
});

const processShape = (p: ProcessConfig, globalEnv: Readonly<Record<string, string>>): Json => ({
  name: p.name,
  command: p.command,
  priority: p.priority,
  autostart: p.autostart,
  startsecs: p.startMs / 1000,
  startretries: p.startRetries,
  autorestart: p.autorestart,
  exitcodes: [...p.exitCodes],
  stopsignal: signalNumber(p.stopSignal),
  stopwaitsecs: p.stopWaitMs / 1000,
  stopasgroup: p.stopAsGroup,
  killasgroup: p.killAsGroup,
  uid: p.user?.uid ?? null,
  redirect_stderr: p.redirectStderr,
  stdout: stream(p.stdout),
  stderr: stream(p.stderr),
  // The reference stores [supervisord] environment merged under the program's own.
  environment: { ...globalEnv, ...p.environment },
  directory: p.directory,
  umask: p.umask,
  serverurl: p.serverUrl,
});

/** Our Config in the dump script's shape. */
const ourShape = (config: Config): Record<string, Json> => {
  const sup = config.supervisord;
  const messages = (level: string): Json =>
    config.messages.filter((m) => m.level === level).map((m) => m.text);
  return {
    ok: true,
    supervisord: {
      logfile: sup.logfile,
      logfileMaxBytes: sup.logfileMaxBytes,
      logfileBackups: sup.logfileBackups,
      logLevel: sup.logLevel,
      pidfile: sup.pidfile,
      umask: sup.umask,
      nodaemon: sup.nodaemon,
      silent: sup.silent,
      minfds: sup.minfds,
      minprocs: sup.minprocs,
      nocleanup: sup.nocleanup,
      childlogdir: sup.childlogdir,
      uid: sup.user?.uid ?? null,
      directory: sup.directory,
      stripAnsi: sup.stripAnsi,
      environment: { ...sup.environment },
      identifier: sup.identifier,
    },
    servers: [
      ...config.inetHttpServers.map((s) => ({
        section: s.section,
        username: s.auth?.username ?? null,
        password: s.auth?.password ?? null,
        host: s.host,
        port: s.port,
      })),
      ...config.unixHttpServers.map((s) => ({
        section: s.section,
        username: s.auth?.username ?? null,
        password: s.auth?.password ?? null,
        file: s.file,
        chmod: s.chmod,
        chown: s.chown === null ? [-1, -1] : [s.chown.uid, s.chown.gid],
      })),
    ],
    rpcinterfaces: config.supervisorRpcEnabled ? ['supervisor'] : [],
    groups: config.groups.map((g) => ({
      name: g.name,
      priority: g.priority,
      processes: g.processes.map((p) => processShape(p, sup.environment)),
      ...(g.eventListener === null
        ? {}
        : {
            kind: 'eventlistener',
            bufferSize: g.eventListener.bufferSize,
            events: [...g.eventListener.events].sort(),
            resultHandler: g.eventListener.resultHandler,
          }),
    })),
    messages: { critical: messages('critical'), warn: messages('warn'), info: messages('info') },
  };
};

const corpus = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.conf'))
    .sort();

describe('configs both parsers accept', () => {
  it('has a corpus worth the name', () => {
    expect(corpus(CORPUS).length).toBeGreaterThanOrEqual(15);
  });

  it.each(corpus(CORPUS))('%s', (name) => {
    const file = join(CORPUS, name);
    const expected = reference(file);
    expect(expected.error).toBeUndefined();
    const ours = load(file);
    if (!ours.ok) {
      throw new Error(`we rejected it: ${ours.errors.map((e) => e.message).join('\n')}`);
    }
    expect(ourShape(ours.config)).toEqual(expected);
  });
});

/** `; expect: line=5 option=startsecs section=program:x` in an error fixture's first line (`null`: none). */
const expectations = (file: string): Record<string, string> => {
  const first = readFileSync(file, 'utf8').split('\n')[0] ?? '';
  const match = /expect:(.*)$/.exec(first);
  return Object.fromEntries(
    (match?.[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter((pair) => pair.includes('='))
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
};

describe('configs both parsers reject', () => {
  it.each(corpus(ERRORS))('%s', (name) => {
    const file = join(ERRORS, name);
    const expected = reference(file);
    expect(expected.ok).toBe(false);
    const ours = load(file);
    if (ours.ok) {
      throw new Error(`we accepted it; the reference said: ${expected.error ?? ''}`);
    }
    const [first] = ours.errors;
    expect(first?.message).toBe(expected.error);
    const wanted = expectations(file);
    if (wanted['line'] !== undefined) {
      expect(first?.line).toBe(wanted['line'] === 'null' ? null : Number(wanted['line']));
    }
    if (wanted['option'] !== undefined) {
      expect(first?.option).toBe(wanted['option'] === 'null' ? null : wanted['option']);
    }
    if (wanted['section'] !== undefined) {
      expect(first?.section).toBe(wanted['section'] === 'null' ? null : wanted['section']);
    }
    if (wanted['file'] !== undefined) {
      expect(first?.file).toBe(join(ERRORS, wanted['file']));
    }
  });
});
