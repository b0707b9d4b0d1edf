import { describe, expect, it } from 'vitest';

import { MAIN, ok, errors, suffix } from '../../test/fakes/config-loading.js';

describe('[program:x] and friends', () => {
  it('expands numprocs with the process_num rule, sorted by name', () => {
    const config = ok(
      '[supervisord]\n[program:w]\ncommand=/bin/w %(process_num)d\nprocess_name=%(program_name)s_%(process_num)02d\nnumprocs=3\nnumprocs_start=9\n',
    );
    expect(config.groups[0]?.processes.map((p) => [p.name, p.processNum, p.command])).toEqual([
      ['w_09', 9, '/bin/w 9'],
      ['w_10', 10, '/bin/w 10'],
      ['w_11', 11, '/bin/w 11'],
    ]);
  });

  it("lets later options use the program's own environment and [supervisord]'s", () => {
    const config = ok(
      '[supervisord]\nenvironment=G=global\n[program:p]\nenvironment=OWN=mine\ncommand=%(ENV_OWN)s %(ENV_G)s %(ENV_HOME)s\n',
    );
    const proc = config.groups[0]?.processes[0];
    expect(proc?.command).toBe('mine global /home/app');
    expect(proc?.environment).toEqual({ OWN: 'mine' });
    expect(config.supervisord.environment).toEqual({ G: 'global' });
  });

  it('keeps [group:x] member order and gives members the group name', () => {
    const config = ok(
      '[supervisord]\n[group:g]\nprograms=b,a\npriority=5\n[program:a]\ncommand=%(group_name)s\npriority=1\n[program:b]\ncommand=x\npriority=2\n[program:c]\ncommand=x\n',
    );
    expect(
      config.groups.map((g) => [g.name, g.kind, g.priority, g.processes.map((p) => p.name)]),
    ).toEqual([
      ['g', 'group', 5, ['b', 'a']],
      ['c', 'program', 999, ['c']],
    ]);
    expect(config.groups[0]?.processes[1]).toMatchObject({
      groupName: 'g',
      programName: 'a',
      command: 'g',
    });
  });

  it('warns as the reference does about logfile settings', () => {
    const config = ok(
      '[supervisord]\n[program:p]\ncommand=x\nstdout_logfile_maxbytes=0\nredirect_stderr=true\nstderr_logfile=/tmp/e.log\n[program:s]\ncommand=x\nstdout_logfile=syslog\n',
    );
    expect(config.messages.map((m) => [m.level, m.text])).toEqual([
      [
        'warn',
        'For [program:p], AUTO logging used for stdout_logfile without rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally',
      ],
      [
        'warn',
        'For [program:p], redirect_stderr=true but stderr_logfile has also been set to a filename, the filename has been ignored',
      ],
      [
        'warn',
        'For [program:s], stdout_logfile=syslog but this is deprecated and will be removed.  Use stdout_syslog=true to enable syslog instead.',
      ],
    ]);
    const [p, s] = config.groups;
    expect(p?.processes[0]?.stderr.logfile).toEqual({ kind: 'none' });
    expect(s?.processes[0]?.stdout).toMatchObject({ logfile: { kind: 'none' }, syslog: true });
  });

  it.each([
    [
      'startsecs=abc',
      4,
      'startsecs',
      `invalid literal for int() with base 10: 'abc'${suffix('program:x')}`,
    ],
    ['autostart=maybe', 4, 'autostart', `not a valid boolean value: 'maybe'${suffix('program:x')}`],
    [
      'numprocs=2',
      4,
      'numprocs',
      `%(process_num) must be present within process_name when numprocs > 1${suffix('program:x')}`,
    ],
    [
      'stopasgroup=true\nkillasgroup=false',
      5,
      'killasgroup',
      `Cannot set stopasgroup=true and killasgroup=false${suffix('program:x')}`,
    ],
    [
      'environment=A=a@b',
      4,
      'environment',
      `Unexpected end of key/value pairs in value 'A=a@b'${suffix('program:x')}`,
    ],
    ['user=ghost', 4, 'user', `Invalid user name ghost${suffix('program:x')}`],
    ['priority=high', 4, 'priority', "invalid literal for int() with base 10: 'high'"],
  ])('%j is refused', (line, lineNo, option, message) => {
    const [first] = errors(`[supervisord]\n[program:x]\ncommand=x\n${line}\n`);
    expect(first).toMatchObject({
      file: MAIN,
      line: lineNo,
      section: 'program:x',
      option,
      message,
    });
  });

  it('names the section header when command is missing', () => {
    expect(errors('[supervisord]\n\n[program:x]\n')[0]).toMatchObject({
      line: 3,
      option: 'command',
      message: `program section program:x does not specify a command${suffix('program:x')}`,
    });
  });

  it('collects the errors of several sections, in the reference order', () => {
    const found = errors(
      '[supervisord]\n[program:b]\ncommand=x\nstartsecs=z\n[program:a]\nautostart=q\ncommand=x\n[inet_http_server]\nport=0\n',
    );
    expect(found.map((e) => [e.section, e.option])).toEqual([
      ['program:b', 'startsecs'],
      ['program:a', 'autostart'],
      ['inet_http_server', 'port'],
    ]);
  });

  it('names the previous member in an unknown [group:x] member error (reference quirk)', () => {
    expect(
      errors('[supervisord]\n[group:g]\nprograms=a,zz\n[program:a]\ncommand=x\n')[0]?.message,
    ).toBe('[program:a] names unknown program or fcgi-program zz');
  });

  it.each([
    [
      '[group:g]\nprograms=zz\n',
      'group:g',
      'programs',
      '[group:g] names unknown program or fcgi-program zz',
    ],
    [
      '[group:g]\nprograms=a\n[program:a]\ncommand=x\n[fcgi-program:a]\ncommand=x\n',
      'group:g',
      'programs',
      '[group:g] name a is ambiguous (exists as program and fcgi-program)',
    ],
    ['[group:a b]\n', 'group:a b', null, "Invalid name: 'a b' because of character: ' '"],
    [
      '[group:g]\npriority=x\n',
      'group:g',
      'priority',
      "invalid literal for int() with base 10: 'x'",
    ],
    [
      '[program:a:b]\ncommand=x\n',
      'program:a:b',
      null,
      "Invalid name: 'a:b' because of character: ':'",
    ],
  ])('refuses %j', (text, section, option, message) => {
    // Errors about an option name its line; the others the section header.
    const line = option === null ? 2 : 3;
    expect(errors(`[supervisord]\n${text}`)[0]).toMatchObject({ section, option, message, line });
  });

  it.each([
    ['', '[eventlistener:l] section requires an "events" line'],
    ['events=NOPE', 'Unknown event type NOPE in [eventlistener:l] events'],
    ['events=TICK_5\nbuffer_size=0', '[eventlistener:l] section sets invalid buffer_size (0)'],
    [
      'events=TICK_5\nresult_handler=my.mod:handler',
      'my.mod:handler cannot be resolved within [eventlistener:l]',
    ],
    [
      'events=TICK_5\nredirect_stderr=true',
      '[eventlistener:l] section sets redirect_stderr=true but this is not allowed because it will interfere with the eventlistener protocol',
    ],
  ])('[eventlistener:x] %j is refused', (lines, message) => {
    expect(errors(`[supervisord]\n[eventlistener:l]\ncommand=x\n${lines}\n`)[0]?.message).toBe(
      message,
    );
  });

  it('refuses [fcgi-program:x] with a clear message', () => {
    expect(
      errors('[supervisord]\n[fcgi-program:f]\ncommand=x\nsocket=tcp://localhost:9000\n')[0],
    ).toMatchObject({
      section: 'fcgi-program:f',
      line: 2,
      message: expect.stringContaining('[fcgi-program:f] is not supported by tssupervisor'),
    });
  });
});
