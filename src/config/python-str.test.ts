import { describe, expect, it } from 'vitest';

import { abspath, dirname, expanduser, join, normpath } from './posix-path.js';
import { compareCodePoints, pyIntOctal, pyRepr, pyStrip } from './python-str.js';

describe('Python str semantics', () => {
  it.each([
    ['abc', "'abc'"],
    ["it's", `"it's"`],
    [`both ' and "`, `'both \\' and "'`],
    ['tab\tnew\nline\\', "'tab\\tnew\\nline\\\\'"],
    ['\u0001\u007f\u00a0', "'\\x01\\x7f\\xa0'"],
    ['é ü', "'é ü'"],
    ['\ufeff', "'\\ufeff'"],
  ])('repr(%j) is %s', (input, expected) => {
    expect(pyRepr(input)).toBe(expected);
  });

  it('strips what Python calls whitespace', () => {
    expect(pyStrip('\u001c\u0085 x \u3000')).toBe('x');
    expect(pyStrip('\ufeffx')).toBe('\ufeffx');
  });

  it('parses octal like int(s, 8)', () => {
    expect(pyIntOctal('0O17')).toBe(15);
    expect(pyIntOctal('0o_17')).toBe(15);
    expect(pyIntOctal('1_7')).toBe(15);
    expect(pyIntOctal('1__7')).toBeUndefined();
    expect(pyIntOctal('-0o7')).toBe(-7);
  });

  it('orders by code point', () => {
    expect(['b', 'B', '\u{1f600}', '\uffff', 'a'].sort(compareCodePoints)).toEqual([
      'B',
      'a',
      'b',
      '\uffff',
      '\u{1f600}',
    ]);
  });
});

describe('posixpath semantics', () => {
  it.each([
    ['/a/b', '/a'],
    ['/a', '/'],
    ['a', ''],
    ['a/b/', 'a/b'],
    ['//a', '//'],
  ])('dirname(%j) is %j', (input, expected) => {
    expect(dirname(input)).toBe(expected);
  });

  it.each([
    ['', '.'],
    ['a/./b/../c', 'a/c'],
    ['/../a', '/a'],
    ['../a/..', '..'],
    ['//a//b/', '//a/b'],
    ['///a', '/a'],
  ])('normpath(%j) is %j', (input, expected) => {
    expect(normpath(input)).toBe(expected);
  });

  it('joins and makes absolute', () => {
    expect(join('/a', 'b', '/c', 'd')).toBe('/c/d');
    expect(join('', 'x')).toBe('x');
    expect(abspath('x/../y', '/srv')).toBe('/srv/y');
  });

  it('expands ~ and ~user, leaving unknown users alone', () => {
    const homes = {
      home: '/home/me/',
      homeOf: (u: string) => (u === 'bob' ? '/home/bob' : undefined),
    };
    expect(expanduser('~', homes)).toBe('/home/me');
    expect(expanduser('~/x', homes)).toBe('/home/me/x');
    expect(expanduser('~bob/x', homes)).toBe('/home/bob/x');
    expect(expanduser('~eve/x', homes)).toBe('~eve/x');
    expect(expanduser('a/~', homes)).toBe('a/~');
    expect(expanduser('~', { home: '/', homeOf: () => undefined })).toBe('/');
  });
});
