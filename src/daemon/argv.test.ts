import { describe, expect, it } from 'vitest';

import { parseDaemonArgv } from './argv.js';

const values = (args: string[]): Record<string, string> => {
  const r = parseDaemonArgv(args);
  if (!r.ok) {
    throw new Error(r.message);
  }
  return Object.fromEntries([...r.argv.values].map(([k, v]) => [k, v.value]));
};

const error = (args: string[]): string => {
  const r = parseDaemonArgv(args);
  return r.ok ? 'ok' : r.message;
};

describe('supervisord command line', () => {
  it.each([
    [['-c', 'a.conf'], { configuration: 'a.conf' }],
    [['-ca.conf'], { configuration: 'a.conf' }],
    [['--configuration=a.conf'], { configuration: 'a.conf' }],
    [['--configuration', 'a.conf'], { configuration: 'a.conf' }],
    [['--conf=a.conf'], { configuration: 'a.conf' }],
    [['-nc', 'x'], { nodaemon: '', configuration: 'x' }],
    [['--vers'], { version: '' }],
    [['-?'], { help: '' }],
    [['-t', '-c', 'f'], { strip_ansi: '', configuration: 'f' }],
    [['-nt'], { nodaemon: '', strip_ansi: '' }],
    [['--strip_ansi'], { strip_ansi: '' }],
    [['--str'], { strip_ansi: '' }],
    // ours: the config check, under its name and its old one, abbreviated only where no option
    // of supervisord's is meant
    [['--check-config', '-c', 'f'], { check_config: '', configuration: 'f' }],
    [['--test'], { check_config: '' }],
    [['--check'], { check_config: '' }],
    [['--te'], { check_config: '' }],
    [['--ch=d'], { childlogdir: 'd' }],
    [['-y', '5MB', '--minprocs=3'], { logfile_maxbytes: '5MB', minprocs: '3' }],
  ])('%j', (args, expected) => {
    expect(values(args)).toEqual(expected);
  });

  it.each([
    [['--foo'], 'option --foo not recognized'],
    [['-x'], 'option -x not recognized'],
    [['extra'], "positional arguments are not supported: ['extra']"],
    [['-c', 'a', '-c', 'b'], "conflicting command line option '-c'"],
    [['-c'], 'option -c requires argument'],
    [['--nodaemon=1'], 'option --nodaemon must not have an argument'],
    [['--l'], 'option --l not a unique prefix'],
    [['--c'], 'option --c not a unique prefix'],
    [['-t', '--strip_ansi'], "conflicting command line option '--strip_ansi'"],
    [['--str=1'], 'option --strip_ansi must not have an argument'],
    [['--check-config=1'], 'option --check-config must not have an argument'],
  ])('%j is refused', (args, message) => {
    expect(error(args)).toBe(message);
  });
});
