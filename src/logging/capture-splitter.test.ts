import { describe, expect, it } from 'vitest';

import { CaptureSplitter, type CapturePiece } from './capture-splitter.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);
const BEGIN = '<!--XSUPERVISOR:BEGIN-->';
const END = '<!--XSUPERVISOR:END-->';

/** Feed chunks, end, and fold the pieces into the three streams. */
const split = (chunks: string[], maxBytes = 1000) => {
  const s = new CaptureSplitter(maxBytes);
  const pieces: CapturePiece[] = [];
  for (const c of chunks) {
    pieces.push(...s.push(enc(c)));
  }
  pieces.push(...s.end());
  const text = (kind: CapturePiece['kind']): string =>
    pieces
      .filter((p) => p.kind === kind)
      .map((p) => dec(p.data))
      .join('');
  return {
    output: text('output'),
    captured: text('captured'),
    communications: pieces.filter((p) => p.kind === 'communication').map((p) => dec(p.data)),
  };
};

describe('capture mode', () => {
  it('passes ordinary output straight through', () => {
    expect(split(['hello\n', 'world\n'])).toEqual({
      output: 'hello\nworld\n',
      captured: '',
      communications: [],
    });
  });

  it('turns the text between the tokens into one communication; the tokens vanish', () => {
    expect(split([`pre${BEGIN}capté${END}post\n`])).toEqual({
      output: 'pre' + 'post\n',
      captured: 'capté',
      communications: ['capté'],
    });
  });

  it('finds tokens split at every position across reads', () => {
    const whole = `a${BEGIN}xyz${END}b${BEGIN}second${END}tail`;
    for (let i = 0; i <= whole.length; i++) {
      for (let j = i; j <= whole.length; j += 3) {
        const got = split([whole.slice(0, i), whole.slice(i, j), whole.slice(j)]);
        expect(got).toEqual({
          output: 'abtail',
          captured: 'xyzsecond',
          communications: ['xyz', 'second'],
        });
      }
    }
  });

  it('finds tokens fed one byte at a time', () => {
    const whole = `1${BEGIN}2${END}3`;
    expect(split(Array.from(whole))).toEqual({
      output: '13',
      captured: '2',
      communications: ['2'],
    });
  });

  it('does not hold back a short tail (supervisord loses it at exit)', () => {
    const s = new CaptureSplitter(100);
    expect(s.push(enc('post\n')).map((p) => dec(p.data))).toEqual(['post\n']);
  });

  it('holds back only what could be the start of a token, and releases it at the end', () => {
    const s = new CaptureSplitter(100);
    expect(s.push(enc('x<!--XSUP')).map((p) => dec(p.data))).toEqual(['x']);
    expect(s.end().map((p) => dec(p.data))).toEqual(['<!--XSUP']);
  });

  it('keeps the newest maxBytes of a long capture', () => {
    expect(split([BEGIN, 'abcdef', 'ghij', END], 5).communications).toEqual(['fghij']);
    expect(split([BEGIN, 'abcdefghij', END], 4).communications).toEqual(['ghij']);
  });

  it('an empty capture is still a communication', () => {
    expect(split([`${BEGIN}${END}`]).communications).toEqual(['']);
  });

  it('an unterminated capture never becomes a communication', () => {
    expect(split([`${BEGIN}half`])).toEqual({
      output: '',
      captured: 'half',
      communications: [],
    });
  });
});
