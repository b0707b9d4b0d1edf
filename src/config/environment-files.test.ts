import { describe, expect, it } from 'vitest';

import { errors, MAIN, ok, suffix } from '../../test/fakes/config-loading.js';
import type { MemoryConfigHostInit } from '../../test/fakes/memory-config-host.js';
import { diffConfigs } from './diff.js';
import type { Config } from './types.js';

const program = (options: string): string =>
  `[supervisord]\n[program:web]\ncommand=/bin/web\n${options}\n`;

const environmentOf = (config: Config, process = 0): Readonly<Record<string, string>> =>
  config.groups[0]?.processes[process]?.environment ?? {};

const files = (contents: Record<string, string>): MemoryConfigHostInit => ({ files: contents });

describe('environment_file', () => {
  it('gives the program the variables of its files; later files and environment= win', () => {
    const config = ok(
      program('environment_file=/etc/app/base.env, /etc/app/local.env\nenvironment=C=own'),
      files({
        '/etc/app/base.env': 'A=base\nB=base\nC=base\n',
        '/etc/app/local.env': 'B=local\nC=local\n',
      }),
    );
    expect(environmentOf(config)).toEqual({ A: 'base', B: 'local', C: 'own' });
  });

  it('expands the paths like other per-process options', () => {
    const config = ok(
      program(
        'environment_file=%(here)s/%(program_name)s-%(process_num)d.env,%(ENV_CONF)s/x.env,~/y.env,%(ENV_DIR)s/z.env\nenvironment=DIR=/own\nnumprocs=2\nprocess_name=%(program_name)s_%(process_num)d',
      ),
      {
        env: { HOME: '/home/app', CONF: '/srv' },
        files: {
          '/etc/supervisor/web-0.env': 'N=0\n',
          '/etc/supervisor/web-1.env': 'N=1\n',
          '/srv/x.env': 'X=1\n',
          '/home/app/y.env': 'Y=1\n',
          '/own/z.env': 'Z=1\n',
        },
      },
    );
    expect(environmentOf(config, 0)).toEqual({ N: '0', X: '1', Y: '1', Z: '1', DIR: '/own' });
    expect(environmentOf(config, 1)).toMatchObject({ N: '1' });
  });

  it('takes a relative path from the daemon’s directory, like supervisord’s paths', () => {
    const config = ok(program('environment_file=app.env'), {
      cwd: '/srv/app',
      files: { '/srv/app/app.env': 'A=1\n' },
    });
    expect(environmentOf(config)).toEqual({ A: '1' });
  });

  it('lets later options use the files’ variables, as they use environment=’s', () => {
    const config = ok(
      '[supervisord]\n[program:web]\nenvironment_file=/app.env\ncommand=/bin/web --port %(ENV_PORT)s\n',
      files({ '/app.env': 'PORT=8080\n' }),
    );
    expect(config.groups[0]?.processes[0]?.command).toBe('/bin/web --port 8080');
  });

  it('works in [eventlistener:x] too', () => {
    const config = ok(
      '[supervisord]\n[eventlistener:l]\ncommand=/bin/l\nevents=TICK_5\nenvironment_file=/l.env\n',
      files({ '/l.env': 'L=1\n' }),
    );
    expect(environmentOf(config)).toEqual({ L: '1' });
  });

  it('refuses a missing or unreadable file, at the option’s place', () => {
    const [missing] = errors(program('environment_file=/nope.env'));
    expect(missing).toEqual({
      file: MAIN,
      line: 4,
      section: 'program:web',
      option: 'environment_file',
      value: '/nope.env',
      message: `could not find environment file /nope.env${suffix('program:web')}`,
    });
    const [unreadable] = errors(program('environment_file=/locked.env'), {
      unreadable: ['/locked.env'],
    });
    expect(unreadable?.message).toBe(
      `could not read environment file /locked.env${suffix('program:web')}`,
    );
  });

  it('refuses a bad line, naming the environment file and its line', () => {
    const [bad] = errors(
      program('environment_file=/ok.env,/bad.env'),
      files({ '/ok.env': 'A=1\n', '/bad.env': '# vars\nB=2\nC 3\n' }),
    );
    expect(bad).toMatchObject({ file: MAIN, line: 4, option: 'environment_file' });
    expect(bad?.message).toBe(`/bad.env:3: expected KEY=VALUE, got "C 3"${suffix('program:web')}`);
    const [latin1] = errors(program('environment_file=/l1.env'), {
      files: { '/l1.env': new Uint8Array([0x41, 0x3d, 0x31, 0x0a, 0x42, 0x3d, 0xe9, 0x0a]) },
    });
    expect(latin1?.message).toBe(`/l1.env:2: not UTF-8${suffix('program:web')}`);
    const [expansion] = errors(program('environment_file=%(nope)s'));
    expect(expansion?.message).toMatch(/^Format string '%\(nope\)s' for 'environment_file'/);
  });

  it('is read when the config is loaded, so reread sees a changed file as a changed program', () => {
    const text = program('environment_file=/app.env');
    const before = ok(text, files({ '/app.env': 'A=1\n' }));
    const same = ok(text, files({ '/app.env': '# same\nA=1\n' }));
    const after = ok(text, files({ '/app.env': 'A=2\n' }));
    expect(diffConfigs(before.groups, same.groups).changed).toEqual([]);
    expect(diffConfigs(before.groups, after.groups).changed).toEqual(['web']);
  });
});
