// Every option's default, observed through the loader on configs that set nothing.

import { describe, expect, it } from 'vitest';

import { memoryConfigHost } from '../../test/fakes/memory-config-host.js';
import { loadConfig } from './load.js';
import { loadCtlConfig } from './load.js';
import type { Config, LogStreamConfig, ProcessConfig } from './types.js';

const load = (text: string): Config => {
  const result = loadConfig(
    '/etc/supervisord.conf',
    memoryConfigHost({ files: { '/etc/supervisord.conf': text } }),
  );
  if (!result.ok) {
    throw new Error(result.errors.map((e) => e.message).join('\n'));
  }
  return result.config;
};

const DEFAULT_STREAM: LogStreamConfig = {
  logfile: { kind: 'auto' },
  maxBytes: 50 * 1024 * 1024,
  backups: 10,
  captureMaxBytes: 0,
  eventsEnabled: false,
  syslog: false,
  forward: null,
};

const DEFAULT_PROCESS: ProcessConfig = {
  name: 'x',
  groupName: 'x',
  programName: 'x',
  processNum: 0,
  command: '/bin/cat',
  priority: 999,
  autostart: true,
  startMs: 1000,
  startRetries: 3,
  autorestart: 'unexpected',
  exitCodes: [0],
  stopSignal: 'TERM',
  stopWaitMs: 10_000,
  stopAsGroup: false,
  killAsGroup: false,
  user: null,
  redirectStderr: false,
  stdout: DEFAULT_STREAM,
  stderr: DEFAULT_STREAM,
  environment: {},
  directory: null,
  umask: null,
  serverUrl: null,
  readiness: null,
  liveness: null,
  dependsOn: [],
  restartPacing: { delayMs: 0, backoffMaxMs: 0, resetMs: 600_000, retryForever: false },
  logFormat: 'raw',
  shutdownOn: 'never',
  restartTriggers: { memoryBytes: 0, cron: null, watch: null },
};

describe('defaults', () => {
  it('[supervisord]', () => {
    expect(load('[supervisord]\n').supervisord).toEqual({
      logfile: '/work/supervisord.log',
      logfileMaxBytes: 50 * 1024 * 1024,
      logfileBackups: 10,
      logLevel: 'info',
      pidfile: '/work/supervisord.pid',
      umask: 0o22,
      nodaemon: false,
      silent: false,
      minfds: 1024,
      minprocs: 200,
      nocleanup: false,
      childlogdir: '/tmp',
      user: null,
      directory: null,
      stripAnsi: false,
      environment: {},
      identifier: 'supervisor',
      forwardOutput: false,
      syslogSocket: '/dev/log',
    });
  });

  it('[program:x]', () => {
    const config = load('[supervisord]\n[program:x]\ncommand=/bin/cat\n');
    expect(config.groups).toEqual([
      {
        name: 'x',
        kind: 'program',
        priority: 999,
        processes: [DEFAULT_PROCESS],
        eventListener: null,
        source: { file: '/etc/supervisord.conf', line: 2 },
      },
    ]);
  });

  it('killasgroup follows stopasgroup', () => {
    const config = load('[supervisord]\n[program:x]\ncommand=/bin/cat\nstopasgroup=true\n');
    expect(config.groups[0]?.processes[0]).toMatchObject({ stopAsGroup: true, killAsGroup: true });
  });

  it('[eventlistener:x]: pool priority -1, process priority 999', () => {
    const config = load('[supervisord]\n[eventlistener:x]\ncommand=/bin/cat\nevents=TICK_5\n');
    expect(config.groups[0]).toMatchObject({
      kind: 'eventlistener',
      priority: -1,
      eventListener: {
        events: ['TICK_5'],
        bufferSize: 10,
        resultHandler: 'supervisor.dispatchers:default_handler',
      },
      processes: [DEFAULT_PROCESS],
    });
  });

  it('[group:x]', () => {
    const config = load('[supervisord]\n[group:g]\n');
    expect(config.groups[0]).toMatchObject({
      name: 'g',
      kind: 'group',
      priority: 999,
      processes: [],
    });
  });

  it('[unix_http_server] and [inet_http_server]', () => {
    const config = load(
      '[supervisord]\n[unix_http_server]\nfile=run/s.sock\n[inet_http_server]\nport=9001\n',
    );
    expect(config.unixHttpServers).toEqual([
      {
        section: 'unix_http_server',
        file: '/work/run/s.sock',
        chmod: 0o700,
        chown: null,
        auth: null,
      },
    ]);
    expect(config.inetHttpServers).toEqual([
      { section: 'inet_http_server', host: '', port: 9001, auth: null },
    ]);
    expect(config.supervisorRpcEnabled).toBe(false);
  });

  it('[supervisorctl]', () => {
    const result = loadCtlConfig(
      '/etc/s.conf',
      memoryConfigHost({ files: { '/etc/s.conf': '[supervisorctl]\n' } }),
    );
    expect(result).toEqual({
      ok: true,
      file: '/etc/s.conf',
      config: {
        serverUrl: 'http://localhost:9001',
        username: null,
        password: null,
        prompt: 'supervisor',
        historyFile: null,
        fleet: [],
      },
    });
  });
});
