import { describe, expect, it } from 'vitest';

import { decodeUtf8, findInvalidUtf8, utf8ProblemMessage } from './utf8.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

const message = (data: Uint8Array): string | undefined => {
  const problem = findInvalidUtf8(data);
  return problem === undefined ? undefined : utf8ProblemMessage(data, problem);
};

const say = (what: string, reason: string): string =>
  `'utf-8' codec can't decode ${what}: ${reason}`;

describe('bad UTF-8, as Python 3.11 reads a config file (each message taken from it)', () => {
  it.each([
    [[0xff], 'byte 0xff in position 2', 'invalid start byte'],
    [[0x80], 'byte 0x80 in position 2', 'invalid start byte'],
    [[0xc0, 0x80], 'byte 0xc0 in position 2', 'invalid start byte'],
    [[0xf5], 'byte 0xf5 in position 2', 'invalid start byte'],
    [[0xc2, 0x41], 'byte 0xc2 in position 2', 'invalid continuation byte'],
    [[0xe2, 0x41], 'byte 0xe2 in position 2', 'invalid continuation byte'],
    [[0xe2, 0x82, 0x41], 'bytes in position 2-3', 'invalid continuation byte'],
    [[0xe0, 0x80, 0x80], 'byte 0xe0 in position 2', 'invalid continuation byte'],
    [[0xed, 0xa0, 0x80, 0x41], 'byte 0xed in position 2', 'invalid continuation byte'],
    [[0xf0, 0x80], 'byte 0xf0 in position 2', 'invalid continuation byte'],
    [[0xf4, 0x90, 0x80, 0x80], 'byte 0xf4 in position 2', 'invalid continuation byte'],
    [[0xf0, 0x9f, 0x98, 0x41], 'bytes in position 2-4', 'invalid continuation byte'],
  ])('ab + %j', (bad, what, reason) => {
    expect(message(bytes('ab', bad, 'zz'))).toBe(say(what, reason));
  });

  it('meets a character cut off by the end of the file only after the last read', () => {
    // So the position counts from the cut-off character, not from the start of the file.
    expect(message(bytes('[s]\nx=1', [0xe2, 0x82]))).toBe(
      say('bytes in position 0-1', 'unexpected end of data'),
    );
    expect(message(bytes('[s]\nx=1', [0xc2]))).toBe(
      say('byte 0xc2 in position 0', 'unexpected end of data'),
    );
    // CPython lets a surrogate's first two bytes wait for more, so they fail one read later too.
    expect(message(bytes('abc', [0xed, 0xa0]))).toBe(
      say('byte 0xed in position 0', 'invalid continuation byte'),
    );
  });

  it('counts positions from the 8 KiB chunk being decoded, with what was carried into it', () => {
    const at = (offset: number): string | undefined => {
      const data = Buffer.alloc(30_000, '#');
      data[offset] = 0xff;
      return message(data);
    };
    expect(at(8191)).toBe(say('byte 0xff in position 8191', 'invalid start byte'));
    expect(at(8192)).toBe(say('byte 0xff in position 0', 'invalid start byte'));
    expect(at(20_000)).toBe(say('byte 0xff in position 3616', 'invalid start byte'));
    // A character split by the chunk boundary is carried into the next chunk.
    const split = bytes('#'.repeat(8191), '€', '#'.repeat(100), [0xff]);
    expect(message(split)).toBe(say('byte 0xff in position 103', 'invalid start byte'));
    const brokenAcross = bytes('#'.repeat(8190), [0xf0, 0x9f], 'A');
    expect(message(brokenAcross)).toBe(say('bytes in position 0-1', 'invalid continuation byte'));
    // Invalid already in its first chunk: reported there.
    const early = bytes('#'.repeat(8190), [0xe0, 0x80], 'zz');
    expect(message(early)).toBe(say('byte 0xe0 in position 8190', 'invalid continuation byte'));
  });

  it('finds the line of the first bad byte (\\n, \\r\\n and \\r end lines)', () => {
    expect(findInvalidUtf8(bytes('a\nb\r\nc\rd', [0xff]))?.line).toBe(4);
    expect(findInvalidUtf8(bytes([0xff], '\n'))).toMatchObject({ line: 1, offset: 0 });
  });
});

describe('decodeUtf8', () => {
  it('decodes valid text, keeping a BOM as Python does (it then fails as a header line)', () => {
    expect(decodeUtf8(bytes('[s]\nk=héllo ✓ 😀\n'))).toEqual({
      ok: true,
      text: '[s]\nk=héllo ✓ 😀\n',
    });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '[s]'))).toEqual({ ok: true, text: '\ufeff[s]' });
    expect(decodeUtf8(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it('refuses instead of replacing', () => {
    expect(decodeUtf8(bytes('k=', [0xff]))).toMatchObject({
      ok: false,
      problem: { offset: 2, length: 1, reason: 'invalid start byte', line: 1 },
    });
  });
});
