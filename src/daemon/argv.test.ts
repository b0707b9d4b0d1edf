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
    [['-t', '-c', 'f'], { test: '', configuration: 'f' }],
    [['--strip_ansi'], { strip_ansi: '' }],
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
  ])('%j is refused', (args, message) => {
    expect(error(args)).toBe(message);
  });
});
