import { describe, expect, it } from 'vitest';

import { parseEnvironment, shlexTokens } from './environment-pairs.js';

describe('environment= pairs (results checked against the reference)', () => {
  it.each([
    ['A=1', { A: '1' }],
    ['A=1,B=2,', { A: '1', B: '2' }],
    [' A = spaced , B=2', { A: 'spaced', B: '2' }],
    ['A="quoted, with commas",B=\'single\'', { A: 'quoted, with commas', B: 'single' }],
    ['D=""', { D: '' }],
    ['F=/usr/bin:/bin,G=a.b+c-d(e)', { F: '/usr/bin:/bin', G: 'a.b+c-d(e)' }],
    ['"Q"=1,', { '"Q"': '1' }],
    ['A=1;B=2', { A: '1', B: '2' }],
    ['', {}],
    // The lossy cases: unquoted non-word characters split the token and the rest is skipped.
    ['A=$HOME', { A: '$' }],
    ['A=a b', { A: 'a' }],
    ['A=~x', { A: '~' }],
    ['A=é', { A: 'é' }],
    ['A=foo#bar,B=2', { A: 'foo' }],
    ['__proto__=x', { ['__proto__']: 'x' }],
  ])('%j', (text, expected) => {
    const parsed = parseEnvironment(text);
    expect(parsed).toEqual(expected);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it.each([
    ['A=a@b', "Unexpected end of key/value pairs in value 'A=a@b'"],
    ['A=,B=1', "Unexpected end of key/value pairs in value 'A=,B=1'"],
    ['A=1 B=2', "Unexpected end of key/value pairs in value 'A=1 B=2'"],
    ['A=1,,B=2', "Unexpected end of key/value pairs in value 'A=1,,B=2'"],
    ['A', "Unexpected end of key/value pairs in value 'A'"],
    ['A="open', 'No closing quotation'],
  ])('%j is refused', (text, message) => {
    expect(() => parseEnvironment(text)).toThrow(message);
  });

  it('tokenises like non-POSIX shlex: quotes kept, # drops the rest of the line only', () => {
    expect(shlexTokens('A="x y",B')).toEqual(['A', '=', '"x y"', ',', 'B']);
    expect(shlexTokens('A=foo#bar\nB')).toEqual(['A', '=', 'fooB']);
    expect(shlexTokens('ab"c d"')).toEqual(['ab"c', 'd"']);
  });
});
