import { describe, expect, it } from 'vitest';

import { readWindow, tailWindow } from './read-window.js';

const FILE = 'hello world\n';
const slice = (w: { position: number; length: number }): string =>
  FILE.slice(w.position, w.position + w.length);

describe('readWindow (readFile rules)', () => {
  it.each([
    [-5, 0, 'orld\n'],
    [-100, 0, FILE],
    [0, 0, FILE],
    [6, 0, 'world\n'],
    [0, 5, 'hello'],
    [6, 100, 'world\n'],
    [12, 0, ''],
    [50, 10, ''],
  ])('(%i, %i) → %j', (offset, length, expected) => {
    const w = readWindow(FILE.length, offset, length);
    expect(w).not.toBe('BAD_ARGUMENTS');
    expect(slice(w as { position: number; length: number })).toBe(expected);
  });

  it.each([
    [-5, 3],
    [-1, -1],
    [0, -1],
    [4, -10],
  ])('(%i, %i) → BAD_ARGUMENTS', (offset, length) => {
    expect(readWindow(FILE.length, offset, length)).toBe('BAD_ARGUMENTS');
  });
});

describe('tailWindow (4.2.5 tailFile arithmetic)', () => {
  // Every example the spec gives, on the 12-byte file `hello world\n`.
  it.each([
    [0, 5, 'orld\n', true],
    [2, 5, 'orld\n', true],
    [0, 100, FILE, false],
    [5, 100, FILE, false],
    [11, 100, FILE, false],
    [8, 10, 'llo world\n', false],
    [12, 100, '', false],
    [0, 0, '', true],
    [-5, 3, 'ld\n', true],
  ])('(%i, %i) → [%j, 12, %s]', (offset, length, data, overflow) => {
    const w = tailWindow(FILE.length, offset, length);
    expect(slice(w)).toBe(data);
    expect(w.overflow).toBe(overflow);
  });

  it('gives nothing for a negative length or an empty file', () => {
    expect(slice(tailWindow(12, 0, -1))).toBe('');
    expect(tailWindow(0, 0, 0)).toEqual({ position: 0, length: 0, overflow: false });
    expect(tailWindow(0, 0, 100)).toEqual({ position: 0, length: 0, overflow: false });
  });

  it('returns the last bytes whatever the offset, when the offset is inside the file', () => {
    expect(slice(tailWindow(12, 10, 2))).toBe('d\n');
    expect(slice(tailWindow(12, 3, 4))).toBe('rld\n');
    expect(tailWindow(12, 3, 4).overflow).toBe(true);
  });
});
