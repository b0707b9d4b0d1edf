import { expect, it } from 'vitest';

import { isUrl, parseCommandLine } from './cli-options.js';

it('reads options and the command words', () => {
  expect(
    parseCommandLine(['-c', 'f.conf', '-s', 'unix:///s', '-u', 'u', '-p', 'p', 'tail', '-f', 'x']),
  ).toEqual({
    kind: 'run',
    options: {
      configuration: 'f.conf',
      serverUrl: 'unix:///s',
      username: 'u',
      password: 'p',
      historyFile: null,
      json: false,
      sequential: false,
    },
    words: ['tail', '-f', 'x'],
  });
});

it('reads our additions and the history file', () => {
  const parsed = parseCommandLine(['--json', '--sequential', '-r', '/h', 'status']);
  expect(parsed).toMatchObject({
    kind: 'run',
    options: { json: true, sequential: true, historyFile: '/h' },
    words: ['status'],
  });
});

it.each([
  [['-h'], { kind: 'help' }],
  [['-?'], { kind: 'help' }],
  [['--help', 'status'], { kind: 'help' }],
  [['-h', '-s', 'foo'], { kind: 'help' }],
  [['--version', 'status'], { kind: 'version' }],
  [['--vers'], { kind: 'version' }],
  [['-s', 'unix:///s', '--version'], { kind: 'version' }],
  [['--version', '-h'], { kind: 'version' }],
  [
    ['-s', 'foo'],
    { kind: 'usage-error', message: "invalid value for -s 'foo': value 'foo' is not a URL" },
  ],
  [
    ['--s=foo'],
    {
      kind: 'usage-error',
      message: "invalid value for --serverurl 'foo': value 'foo' is not a URL",
    },
  ],
  [
    ['-s', 'foo', '-h'],
    { kind: 'usage-error', message: "invalid value for -s 'foo': value 'foo' is not a URL" },
  ],
  [['-i', '-i'], { kind: 'usage-error', message: "conflicting command line option '-i'" }],
  [
    ['-s', 'http://a', '--serverurl', 'http://b'],
    { kind: 'usage-error', message: "conflicting command line option '--serverurl'" },
  ],
  [['-x', '-h'], { kind: 'usage-error', message: 'option -x not recognized' }],
])('handles %j as supervisorctl does', (argv, expected) => {
  expect(parseCommandLine(argv)).toEqual(expected);
});

it.each([
  ['http://localhost:9001', true],
  ['unix:///tmp/s.sock', true],
  ['localhost:9001', true],
  ['http:///x', true],
  ['foo', false],
  ['http://', false],
  ['http://?q', false],
  ['1http://x', false],
])('judges %j as a URL: %s', (value, expected) => {
  expect(isUrl(value)).toBe(expected);
});
