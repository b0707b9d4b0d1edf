// Python 3 string semantics the reference's messages and parsing depend on: str.isspace/strip,
// repr() of a str, and int() of a str. Error texts quote values the way Python does.

import { reprString } from '../model/python-repr.js';

/** Characters Python's str.isspace() accepts (a superset of ASCII whitespace, not JS's set). */
const PY_SPACE = new Set(
  [
    [0x09, 0x0d],
    [0x1c, 0x20],
    [0x85, 0x85],
    [0xa0, 0xa0],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2028, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
  ].flatMap(([from = 0, to = 0]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)),
  ),
);

export const isPySpace = (ch: string): boolean => PY_SPACE.has(ch);

export const pyLstrip = (s: string): string => {
  let start = 0;
  while (start < s.length && isPySpace(s.charAt(start))) {
    start += 1;
  }
  return s.slice(start);
};

export const pyRstrip = (s: string): string => {
  let end = s.length;
  while (end > 0 && isPySpace(s.charAt(end - 1))) {
    end -= 1;
  }
  return s.slice(0, end);
};

export const pyStrip = (s: string): string => pyRstrip(pyLstrip(s));

/** str.strip(chars): removes any of `chars` from both ends. */
export const pyStripChars = (s: string, chars: string): string => {
  let start = 0;
  let end = s.length;
  while (start < end && chars.includes(s.charAt(start))) {
    start += 1;
  }
  while (end > start && chars.includes(s.charAt(end - 1))) {
    end -= 1;
  }
  return s.slice(start, end);
};

/** Python's repr() of a str: `'a'`, `"it's"`, `'\n'` (one implementation, in model/). */
export const pyRepr = reprString;

/** Thrown by converters; the loader turns it into a ConfigError (Python's ValueError). */
export class InvalidValue extends Error {
  override readonly name = 'InvalidValue';
}

const DECIMAL = /^[+-]?\d+(?:_\d+)*$/;
const OCTAL = /^[+-]?(?:0[oO]_?)?[0-7]+(?:_[0-7]+)*$/;

/** Python int(s) in base 10 (surrounding whitespace, sign and digit underscores allowed). */
export const pyInt = (s: string): number => {
  const body = pyStrip(s);
  if (!DECIMAL.test(body)) {
    throw new InvalidValue(`invalid literal for int() with base 10: ${pyRepr(s)}`);
  }
  return Number.parseInt(body.replaceAll('_', ''), 10);
};

/** Python int(s, 8), or undefined where Python raises. */
export const pyIntOctal = (s: string): number | undefined => {
  const body = pyStrip(s);
  if (!OCTAL.test(body)) {
    return undefined;
  }
  const negative = body.startsWith('-');
  const digits = body
    .replace(/^[+-]/, '')
    .replace(/^0[oO]/, '')
    .replaceAll('_', '');
  const value = Number.parseInt(digits, 8);
  return negative ? -value : value;
};

/** Python's default string ordering: by code point (JS `<` compares UTF-16 units). */
export const compareCodePoints = (a: string, b: string): number => {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done === true || y.done === true) {
      return (x.done === true ? 0 : 1) - (y.done === true ? 0 : 1);
    }
    const diff = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (diff !== 0) {
      return diff;
    }
  }
};
