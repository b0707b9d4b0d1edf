import { describe, expect, it } from 'vitest';

import { memoryConfigHost } from '../../test/fakes/memory-config-host.js';
import {
  configSearchPaths,
  findConfigFile,
  formatConfigError,
  noConfigFileMessage,
} from './load.js';

describe('search path', () => {
  it('lists the reference locations relative to argv0', () => {
    expect(configSearchPaths('/usr/bin/tssupervisord')).toEqual([
      '/usr/etc/supervisord.conf',
      '/usr/supervisord.conf',
      'supervisord.conf',
      'etc/supervisord.conf',
      '/etc/supervisord.conf',
      '/etc/supervisor/supervisord.conf',
    ]);
    expect(noConfigFileMessage('x')).toBe(
      'No config file found at default paths (etc/supervisord.conf, supervisord.conf, supervisord.conf, etc/supervisord.conf, /etc/supervisord.conf, /etc/supervisor/supervisord.conf); use the -c option to specify a config file at a different path',
    );
  });

  it('finds the first that exists', () => {
    const files = { '/etc/supervisor/supervisord.conf': '', '/work/etc/supervisord.conf': '' };
    expect(findConfigFile('/usr/bin/x', memoryConfigHost({ files }))).toBe('etc/supervisord.conf');
    expect(findConfigFile('/usr/bin/x', memoryConfigHost())).toBeUndefined();
  });
});

describe('formatConfigError', () => {
  it('puts the place first', () => {
    expect(
      formatConfigError({
        file: '/a.conf',
        line: 3,
        section: 'program:x',
        option: 'startsecs',
        value: 'z',
        message: 'bad',
      }),
    ).toBe('/a.conf:3: [program:x] startsecs: bad');
    expect(
      formatConfigError({
        file: '/a.conf',
        line: null,
        section: null,
        option: null,
        value: null,
        message: 'bad',
      }),
    ).toBe('/a.conf: bad');
  });
});
