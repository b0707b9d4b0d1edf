import { describe, expect, it } from 'vitest';

import { memoryConfigHost } from '../../test/fakes/memory-config-host.js';
import { ok, errors, suffix } from '../../test/fakes/config-loading.js';
import { loadConfig } from './load.js';

describe('[supervisord]', () => {
  it('makes logfile and pidfile absolute against the cwd, keeps syslog, leaves child logs relative', () => {
    const config = ok(
      '[supervisord]\nlogfile=syslog\npidfile=run/../sd.pid\n[program:p]\ncommand=x\nstdout_logfile=rel.log\n',
      {
        dirs: ['/work/run'],
      },
    );
    expect(config.supervisord).toMatchObject({ logfile: 'syslog', pidfile: '/work/sd.pid' });
    expect(config.groups[0]?.processes[0]?.stdout.logfile).toEqual({
      kind: 'path',
      path: 'rel.log',
    });
  });

  it('resolves user= and checks it last', () => {
    expect(ok('[supervisord]\nuser=app\n').supervisord.user).toEqual({
      name: 'app',
      uid: 1000,
      gid: 1000,
      home: '/home/app',
    });
    const found = errors('[supervisord]\nuser=ghost\n[program:x]\ncommand=x\nstartsecs=z\n');
    expect(found.map((e) => e.message)).toEqual([
      `invalid literal for int() with base 10: 'z'${suffix('program:x')}`,
      'Invalid user name ghost',
    ]);
  });

  it('has %(here)s but not program names', () => {
    expect(ok('[supervisord]\nidentifier=%(here)s\n').supervisord.identifier).toBe(
      '/etc/supervisor',
    );
    expect(errors('[supervisord]\nidentifier=%(program_name)s\n')[0]?.message).toBe(
      "Format string '%(program_name)s' for 'supervisord.identifier' contains names ('program_name') which cannot be expanded. Available names: ENV_HOME, here",
    );
  });

  it('gives the CRIT about running as root only when root has no user=', () => {
    const critical = (text: string): string[] =>
      ok(text, {}, { uid: 0 })
        .messages.filter((m) => m.level === 'critical')
        .map((m) => m.text);
    expect(critical('[supervisord]\n')).toEqual([
      expect.stringContaining('Supervisor is running as root.'),
    ]);
    expect(critical('[supervisord]\nuser=root\n')).toEqual([]);
    expect(ok('[supervisord]\n', {}, { uid: 1000 }).messages).toEqual([]);
  });
});

describe('servers and rpc interfaces', () => {
  it('reads both kinds, auth included, and the standard rpc interface', () => {
    const config = ok(
      '[supervisord]\n[unix_http_server]\nfile=%(here)s/s.sock\nchmod=0770\nchown=app:nogroup\nusername=u\npassword=p\n[inet_http_server]\nport=LocalHost:9001\n[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n',
    );
    expect(config.unixHttpServers).toEqual([
      {
        section: 'unix_http_server',
        file: '/etc/supervisor/s.sock',
        chmod: 0o770,
        chown: { uid: 1000, gid: 65534 },
        auth: { username: 'u', password: 'p' },
      },
    ]);
    expect(config.inetHttpServers).toEqual([
      { section: 'inet_http_server', host: 'localhost', port: 9001, auth: null },
    ]);
    expect(config.supervisorRpcEnabled).toBe(true);
  });

  it('warns about rpc interfaces it does not serve', () => {
    const config = ok(
      '[supervisord]\n[rpcinterface:other]\nsupervisor.rpcinterface_factory=my.mod:make\n',
    );
    expect(config.supervisorRpcEnabled).toBe(false);
    expect(config.messages).toEqual([
      {
        level: 'warn',
        text: expect.stringContaining(
          '[rpcinterface:other] (my.mod:make) is not supported by tssupervisor',
        ),
      },
    ]);
  });

  it.each([
    [
      '[rpcinterface:x]\n',
      'section [rpcinterface:x] does not specify a supervisor.rpcinterface_factory',
    ],
    ['[unix_http_server]\n', 'section [unix_http_server] has no file value'],
    ['[unix_http_server]\nfile=/tmp/s\nchown=ghost\n', 'Invalid sockchown value ghost'],
    ['[inet_http_server]\n', 'section [inet_http_server] has no port value'],
    [
      '[inet_http_server]\nport=1\npassword=p\n',
      'Section [inet_http_server] contains incomplete authentication: If a username or a password is specified, both the username and password must be specified',
    ],
  ])('%j is refused', (section, message) => {
    expect(errors(`[supervisord]\n${section}`)[0]?.message).toBe(message);
  });

  it('ignores a [supervisorctl] it cannot read (the daemon never uses it)', () => {
    expect(ok('[supervisord]\n[supervisorctl]\nprompt=%(nope)s\n').supervisorctl).toBeNull();
    expect(
      ok('[supervisord]\n[supervisorctl]\nserverurl=unix://%(here)s/s.sock\n').supervisorctl
        ?.serverUrl,
    ).toBe('unix:///etc/supervisor/s.sock');
  });
});

describe('command-line overrides', () => {
  it('win over the file and are converted like it', () => {
    const config = ok(
      '[supervisord]\nloglevel=debug\nlogfile=/tmp/file.log\n',
      {},
      {
        overrides: { loglevel: 'WARN', logfile: 'cli.log', nodaemon: 'true', user: 'app' },
      },
    );
    expect(config.supervisord).toMatchObject({
      logLevel: 'warn',
      logfile: '/work/cli.log',
      nodaemon: true,
      user: { name: 'app' },
    });
  });

  it('are checked before any file is read, with the reference text', () => {
    const result = loadConfig('/nope.conf', memoryConfigHost(), {
      overrides: { logfile: '/nope/x.log' },
    });
    expect(result).toEqual({
      ok: false,
      unknownNames: [],
      errors: [
        {
          file: '(command line)',
          line: null,
          section: 'supervisord',
          option: 'logfile',
          value: '/nope/x.log',
          message:
            "invalid value for --logfile '/nope/x.log': The directory named as part of the path /nope/x.log does not exist",
        },
      ],
    });
  });
});
