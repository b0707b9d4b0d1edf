import { describe, expect, it } from 'vitest';

import { errors as refused, host, MAIN, ok } from '../../test/fakes/config-loading.js';
import { EMPTY_INI, readIni } from './ini.js';
import { loadConfig } from './load.js';
import { findUnknownNames, formatUnknownName } from './unknown-names.js';

const BASE = '[supervisord]\nlogfile=/tmp/s.log\n';

const docOf = (text: string) => {
  const read = readIni(EMPTY_INI, text, MAIN);
  if (!read.ok) {
    throw new Error('not INI');
  }
  return read.doc;
};

/** Every option supervisord 4.2 reads, section by section (from its options.py, not our schema). */
const PROGRAM_KEYS = [
  'command',
  'process_name',
  'numprocs',
  'numprocs_start',
  'directory',
  'umask',
  'priority',
  'autostart',
  'autorestart',
  'startsecs',
  'startretries',
  'stopsignal',
  'stopwaitsecs',
  'stopasgroup',
  'killasgroup',
  'exitcodes',
  'user',
  'redirect_stderr',
  'environment',
  'serverurl',
  ...['stdout', 'stderr'].flatMap((c) =>
    [
      'logfile',
      'logfile_maxbytes',
      'logfile_backups',
      'capture_maxbytes',
      'events_enabled',
      'syslog',
    ].map((k) => `${c}_${k}`),
  ),
];

const REFERENCE: Readonly<Record<string, readonly string[]>> = {
  supervisord: [
    'logfile',
    'logfile_maxbytes',
    'logfile_backups',
    'loglevel',
    'pidfile',
    'umask',
    'nodaemon',
    'silent',
    'minfds',
    'minprocs',
    'nocleanup',
    'childlogdir',
    'user',
    'directory',
    'strip_ansi',
    'environment',
    'identifier',
  ],
  unix_http_server: ['file', 'chmod', 'chown', 'username', 'password'],
  inet_http_server: ['port', 'username', 'password'],
  inet_http_server_second: ['port'],
  supervisorctl: ['serverurl', 'username', 'password', 'prompt', 'history_file'],
  include: ['files'],
  'group:g': ['programs', 'priority'],
  'program:p': PROGRAM_KEYS,
  'eventlistener:e': [...PROGRAM_KEYS, 'buffer_size', 'events', 'result_handler'],
  'fcgi-program:f': [...PROGRAM_KEYS, 'socket', 'socket_owner', 'socket_mode', 'socket_backlog'],
  'rpcinterface:supervisor': ['supervisor.rpcinterface_factory', 'retries', 'anything_at_all'],
  'ctlplugin:mine': ['supervisor.ctl_factory', 'my_option'],
};

describe('findUnknownNames', () => {
  it('knows every section and option supervisord reads, and the options of ours', () => {
    const text = Object.entries(REFERENCE)
      .map(([section, keys]) => `[${section}]\n${keys.map((k) => `${k}=1`).join('\n')}\n`)
      .join('');
    expect(findUnknownNames(docOf(text))).toEqual([]);
    const ours = '[program:p]\ndepends_on=db\nreadiness_probe=tcp:1\nrestart_delay=1\n';
    expect(findUnknownNames(docOf(ours))).toEqual([]);
  });

  it('names an unknown option, its place and the option it is a typo of', () => {
    const config = ok(`${BASE}[program:web]\ncommand=/bin/true\nautorestrat=true\n`);
    expect(config.unknownNames).toEqual([
      {
        file: MAIN,
        line: 5,
        section: 'program:web',
        option: 'autorestrat',
        suggestion: 'autorestart',
      },
    ]);
  });

  it('names an unknown section and the section it is a typo of', () => {
    const found = findUnknownNames(
      docOf('[progam:web]\ncommand=x\n[Program:api]\n[supervisor]\n[unix_http_sever]\n[progam]\n'),
    );
    expect(found.map((u) => [u.section, u.line, u.suggestion])).toEqual([
      ['progam:web', 1, '[program:web]'],
      ['Program:api', 3, '[program:api]'],
      ['supervisor', 4, '[supervisord]'],
      ['unix_http_sever', 5, '[unix_http_server]'],
      ['progam', 6, '[program:…]'],
    ]);
    // The options of a section nobody reads are not reported one by one.
    expect(found.every((u) => u.option === null)).toBe(true);
  });

  it('suggests nothing when no known name is near', () => {
    expect(findUnknownNames(docOf('[mystuff]\n[program:p]\nfrobnicate=1\n'))).toEqual([
      { file: MAIN, line: 1, section: 'mystuff', option: null, suggestion: null },
      { file: MAIN, line: 3, section: 'program:p', option: 'frobnicate', suggestion: null },
    ]);
  });

  it('reports an option of another kind of section as unknown where it is written', () => {
    const found = findUnknownNames(docOf('[program:p]\ncommand=x\nbuffer_size=10\nlogfile=x\n'));
    expect(found.map((u) => u.option)).toEqual(['buffer_size', 'logfile']);
  });

  it('checks [DEFAULT] against the options of every kind of section', () => {
    const found = findUnknownNames(docOf('[DEFAULT]\nautostart=false\nautstart=false\n'));
    expect(found).toEqual([
      { file: MAIN, line: 3, section: 'DEFAULT', option: 'autstart', suggestion: 'autostart' },
    ]);
  });

  it('places a name from an included file in that file', () => {
    const config = ok(`${BASE}[include]\nfiles=conf.d/*.conf\n`, {
      files: { '/etc/supervisor/conf.d/web.conf': '[program:web]\ncommand=x\n\nstartsec=1\n' },
    });
    expect(config.unknownNames).toEqual([
      {
        file: '/etc/supervisor/conf.d/web.conf',
        line: 4,
        section: 'program:web',
        option: 'startsec',
        suggestion: 'startsecs',
      },
    ]);
  });

  it('comes with a refused config too: a typo may be why it is refused', () => {
    const result = loadConfig(MAIN, host(`${BASE}[program:web]\ncomand=/bin/true\n`));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.unknownNames.map((u) => u.suggestion)).toEqual(['command']);
    expect(refused(`${BASE}[program:web]\ncomand=/bin/true\n`)[0]?.message).toContain(
      'does not specify a command',
    );
  });
});

describe('formatUnknownName', () => {
  it('says where, what and what it may have meant', () => {
    const at = { file: '/etc/s.conf', line: 7 };
    expect(
      formatUnknownName({
        ...at,
        section: 'program:web',
        option: 'autorestrat',
        suggestion: 'autorestart',
      }),
    ).toBe(
      '/etc/s.conf:7: [program:web] autorestrat: unknown option, ignored; did you mean autorestart?',
    );
    expect(
      formatUnknownName({
        ...at,
        section: 'progam:web',
        option: null,
        suggestion: '[program:web]',
      }),
    ).toBe('/etc/s.conf:7: [progam:web]: unknown section, ignored; did you mean [program:web]?');
    expect(formatUnknownName({ ...at, section: 'x', option: null, suggestion: null })).toBe(
      '/etc/s.conf:7: [x]: unknown section, ignored',
    );
  });
});
