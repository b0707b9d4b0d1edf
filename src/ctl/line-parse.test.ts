import { expect, it } from 'vitest';

import { parseLine, parsePyInt, splitWords } from './line-parse.js';

it.each([
  ['', { kind: 'empty' }],
  ['   ', { kind: 'empty' }],
  ['status', { kind: 'command', verb: 'status', arg: '', line: 'status' }],
  ['  start  a b  ', { kind: 'command', verb: 'start', arg: 'a b', line: 'start  a b' }],
  // The verb is the run of identifier characters; the rest is the argument.
  ['status:x', { kind: 'command', verb: 'status', arg: ':x', line: 'status:x' }],
  ['start-x', { kind: 'command', verb: 'start', arg: '-x', line: 'start-x' }],
  ['?', { kind: 'command', verb: 'help', arg: '', line: 'help ' }],
  ['?start', { kind: 'command', verb: 'help', arg: 'start', line: 'help start' }],
  ['!ls', { kind: 'no-verb', line: '!ls' }],
  ['-x', { kind: 'no-verb', line: '-x' }],
])('parses %j as Python cmd does', (line, expected) => {
  expect(parseLine(line)).toEqual(expected);
});

it('splits on any whitespace run, as str.split() does', () => {
  expect(splitWords(' a\tb\n c\x1fd ')).toEqual(['a', 'b', 'c', 'd']);
  expect(splitWords('   ')).toEqual([]);
});

it.each([
  ['100', 100],
  ['+5', 5],
  ['-5', -5],
  ['1_000', 1000],
  ['0', 0],
  ['', null],
  ['1__0', null],
  ['x', null],
  ['1.5', null],
])('reads %j like int()', (word, expected) => {
  expect(parsePyInt(word)).toBe(expected);
});
