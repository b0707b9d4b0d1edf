import { expect, it } from 'vitest';

import { scanOptions, type OptionSpec } from './getopt-scan.js';

const SPECS: OptionSpec[] = [
  { short: 'c', long: 'configuration', takesValue: true },
  { short: 'i', long: 'interactive', takesValue: false },
  { short: 's', long: 'serverurl', takesValue: true },
  { short: null, long: 'sequential', takesValue: false, addition: true },
  { short: null, long: 'json', takesValue: false, addition: true },
];

const scan = (...argv: string[]) => scanOptions(argv, SPECS);

it('stops at the first word that is not an option', () => {
  const result = scan('-s', 'http://a', 'tail', '-f', 'x');
  expect(result).toMatchObject({ ok: true, argv: ['-s', 'http://a', 'tail', '-f', 'x'] });
});

it('takes the next word as a value even when it starts with a dash', () => {
  expect(scan('-s', '-i')).toMatchObject({ ok: true, argv: ['-s', '-i'] });
});

it('reads clusters and attached values', () => {
  const result = scan('-isURL', 'status');
  expect(result).toMatchObject({ ok: true, argv: ['-i', '-s', 'URL', 'status'] });
  if (result.ok) {
    expect(result.occurrences.map((o) => o.spelling)).toEqual(['-i', '-s']);
  }
});

it('writes abbreviated long options out, preferring supervisorctl options', () => {
  expect(scan('--serv=x', '--conf', 'f', '--s=y', '--j')).toMatchObject({
    ok: true,
    argv: ['--serverurl=x', '--configuration=f', '--serverurl=y', '--json'],
  });
  expect(scan('--seq')).toMatchObject({ ok: true, argv: ['--sequential'] });
});

it.each([
  [['-x'], 'option -x not recognized'],
  [['--nope'], 'option --nope not recognized'],
  [['--nope=1'], 'option --nope not recognized'],
  [['-s'], 'option -s requires argument'],
  [['-is'], 'option -s requires argument'],
  [['--serverurl'], 'option --serverurl requires argument'],
  [['--interactive=1'], 'option --interactive must not have an argument'],
  [['--history-file=x'], 'option --history-file not recognized'],
])('rejects %j with getopt’s message', (argv, message) => {
  expect(scan(...argv)).toEqual({ ok: false, message });
});

it('passes everything after -- through', () => {
  expect(scan('-i', '--', '-x')).toMatchObject({ ok: true, argv: ['-i', '--', '-x'] });
});
