import { describe, expect, it } from 'vitest';

import { memoryConfigHost } from '../../test/fakes/memory-config-host.js';
import { MAIN, ok, errors, suffix } from '../../test/fakes/config-loading.js';
import { loadConfig } from './load.js';

describe('files', () => {
  it('names a missing or unreadable file as the reference does', () => {
    expect(loadConfig('nope.conf', memoryConfigHost())).toEqual({
      ok: false,
      unknownNames: [],
      errors: [expect.objectContaining({ message: 'could not find config file nope.conf' })],
    });
    const unreadable = memoryConfigHost({ unreadable: ['/etc/locked.conf'] });
    expect(loadConfig('/etc/locked.conf', unreadable)).toMatchObject({
      ok: false,
      errors: [{ message: 'could not read config file /etc/locked.conf' }],
    });
  });

  it('requires [supervisord]', () => {
    expect(errors('[program:x]\ncommand=x\n')).toEqual([
      {
        file: MAIN,
        line: null,
        section: null,
        option: null,
        value: null,
        message: '.ini file does not include supervisord section',
      },
    ]);
  });

  it('reports parse errors with the first bad line', () => {
    expect(errors('[supervisord]\nbad line\n')[0]).toMatchObject({ file: MAIN, line: 2 });
  });

  it('resolves a relative main file against the cwd, and names it as given', () => {
    const config = loadConfig(
      'conf/s.conf',
      memoryConfigHost({ cwd: '/srv', files: { '/srv/conf/s.conf': '[supervisord]\n' } }),
    );
    expect(config).toMatchObject({
      ok: true,
      config: { file: '/srv/conf/s.conf', files: ['/srv/conf/s.conf'] },
    });
  });
});

describe('[include]', () => {
  const files = {
    '/etc/supervisor/conf.d/b.conf': '[program:b]\ncommand=/bin/b %(here)s\n',
    '/etc/supervisor/conf.d/a.conf': '[program:a]\ncommand=/bin/a\n[include]\nfiles=never/*.conf\n',
    '/etc/supervisor/conf.d/.hidden.conf': '[program:hidden]\ncommand=x\n',
    '/etc/supervisor/conf.d/c.txt': '[program:c]\ncommand=x\n',
  };

  it('globs relative to the main file, sorted, skipping dot-files; nested [include] is ignored', () => {
    const config = ok('[supervisord]\n[include]\nfiles=conf.d/*.conf missing/*.conf\n', { files });
    expect(config.groups.map((g) => g.name)).toEqual(['a', 'b']);
    expect(config.files).toEqual([
      MAIN,
      '/etc/supervisor/conf.d/a.conf',
      '/etc/supervisor/conf.d/b.conf',
    ]);
    expect(config.messages).toEqual([
      { level: 'warn', text: 'No file matches via include "/etc/supervisor/missing/*.conf"' },
      { level: 'info', text: 'Included extra file "/etc/supervisor/conf.d/a.conf" during parsing' },
      { level: 'info', text: 'Included extra file "/etc/supervisor/conf.d/b.conf" during parsing' },
    ]);
  });

  it("replaces %(here)s textually with each file's own directory", () => {
    const config = ok(
      '[supervisord]\n[include]\nfiles=%(here)s/conf.d/b.conf\n[program:m]\ncommand=%(here)s\n',
      { files },
    );
    const commands = Object.fromEntries(
      config.groups.map((g) => [g.name, g.processes[0]?.command]),
    );
    expect(commands).toEqual({ b: '/bin/b /etc/supervisor/conf.d', m: '/etc/supervisor' });
  });

  it('names the included file in errors of its sections', () => {
    const found = errors('[supervisord]\n[include]\nfiles=conf.d/*.conf\n', {
      files: { '/etc/supervisor/conf.d/x.conf': '[program:x]\ncommand=x\nstartsecs=soon\n' },
    });
    expect(found).toEqual([
      {
        file: '/etc/supervisor/conf.d/x.conf',
        line: 3,
        section: 'program:x',
        option: 'startsecs',
        value: 'soon',
        message: `invalid literal for int() with base 10: 'soon'${suffix('program:x', '/etc/supervisor/conf.d/x.conf')}`,
      },
    ]);
  });

  it('requires files=', () => {
    expect(errors('[supervisord]\n[include]\n')[0]).toMatchObject({
      line: 2,
      section: 'include',
      option: 'files',
      message: '.ini file has [include] section, but no files setting',
    });
  });

  it('expands host_node_name and ENV_ in files=', () => {
    const config = ok('[supervisord]\n[include]\nfiles=%(host_node_name)s/%(ENV_KIND)s.conf\n', {
      env: { KIND: 'web' },
      files: { '/etc/supervisor/testhost/web.conf': '[program:w]\ncommand=x\n' },
    });
    expect(config.groups.map((g) => g.name)).toEqual(['w']);
  });
});

describe('bytes that are not UTF-8 (the reference refuses the file; so do we, saying where)', () => {
  const utf8 = (...parts: (string | number[])[]): Uint8Array =>
    Buffer.concat(parts.map((p) => Buffer.from(p)));
  const refused = (main: Uint8Array, files: Record<string, Uint8Array | string> = {}) =>
    loadConfig(MAIN, memoryConfigHost({ files: { [MAIN]: main, ...files } }));

  it('in a value: the line, section and option, with the reference message', () => {
    const main = utf8('[supervisord]\n[program:a]\ncommand=/bin/echo ', [0xff, 0xfe], '\n');
    expect(refused(main)).toEqual({
      ok: false,
      unknownNames: [],
      errors: [
        {
          file: MAIN,
          line: 3,
          section: 'program:a',
          option: 'command',
          value: null,
          message: "'utf-8' codec can't decode byte 0xff in position 44: invalid start byte",
        },
      ],
    });
  });

  it('in a continuation line: the option it continues', () => {
    const main = utf8('[supervisord]\n[program:a]\ncommand=/bin/echo\n  x', [0xe9], '\n');
    expect(refused(main)).toMatchObject({
      errors: [{ line: 4, section: 'program:a', option: 'command' }],
    });
  });

  it('in a comment or a section header: the line (and the section it opens)', () => {
    const comment = utf8('[supervisord]\n; caf', [0xe9], '\n[program:a]\ncommand=x\n');
    expect(refused(comment)).toMatchObject({
      errors: [{ line: 2, section: null, option: null, message: expect.stringContaining('0xe9') }],
    });
    const header = utf8('[supervisord]\n[program:a', [0xff], ']\ncommand=x\n');
    expect(refused(header)).toMatchObject({
      errors: [{ line: 2, section: 'program:a\ufffd', option: null }],
    });
  });

  it('before a parse error further down: the bytes are what the reference meets first', () => {
    const main = utf8('[supervisord]\nx=', [0xff], '\nnot an option line\n');
    expect(refused(main)).toMatchObject({ errors: [{ line: 2, option: 'x' }] });
  });

  it('in an included file: that file is named', () => {
    const main = utf8('[supervisord]\n[include]\nfiles=conf.d/*.ini\n');
    const inc = '/etc/supervisor/conf.d/bad.ini';
    expect(refused(main, { [inc]: utf8('[program:b]\ncommand=/bin/echo ', [0xc3, 0x28]) })).toEqual(
      {
        ok: false,
        unknownNames: [],
        errors: [
          expect.objectContaining({
            file: inc,
            line: 2,
            section: 'program:b',
            option: 'command',
            message:
              "'utf-8' codec can't decode byte 0xc3 in position 30: invalid continuation byte",
          }),
        ],
      },
    );
  });

  it('valid UTF-8, U+FFFD itself included, loads as it is', () => {
    const config = ok('[supervisord]\n[program:a]\ncommand=/bin/echo héllo ✓ \ufffd\n');
    expect(config.groups[0]?.processes[0]?.command).toBe('/bin/echo héllo ✓ \ufffd');
  });
});

describe('NUL bytes (the reference accepts them in values and include patterns; so do we)', () => {
  it('keeps a NUL in a value as it is', () => {
    const config = ok('[supervisord]\n[program:a]\ncommand=/bin/echo a\0b\n');
    expect(config.groups[0]?.processes[0]?.command).toBe('/bin/echo a\0b');
  });

  it('an include pattern with a NUL matches no file: warned, as the reference does', () => {
    const config = ok('[supervisord]\n[include]\nfiles=conf.d/a.conf\0\n', {
      files: { '/etc/supervisor/conf.d/a.conf': '[program:a]\ncommand=x\n' },
    });
    expect(config.groups).toEqual([]);
    expect(config.messages).toEqual([
      { level: 'warn', text: 'No file matches via include "/etc/supervisor/conf.d/a.conf\0"' },
    ]);
  });
});
