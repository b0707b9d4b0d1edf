import { describe, expect, it } from 'vitest';

import { memoryConfigHost } from '../../test/fakes/memory-config-host.js';
import { MAIN, ok, errors, suffix } from '../../test/fakes/config-loading.js';
import { loadConfig } from './load.js';

describe('files', () => {
  it('names a missing or unreadable file as the reference does', () => {
    expect(loadConfig('nope.conf', memoryConfigHost())).toEqual({
      ok: false,
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
