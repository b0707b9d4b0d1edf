import { describe, expect, it } from 'vitest';

import { reprBytes, reprString } from './python-repr.js';

// Expected values produced by Python 3's repr().
describe('repr(str)', () => {
  it.each([
    ['foo', "'foo'"],
    ["it's", `"it's"`],
    ['a"b', `'a"b'`],
    [`a'b"c`, `'a\\'b"c'`],
    ['back\\slash', "'back\\\\slash'"],
    ['tab\there\\', "'tab\\there\\\\'"],
    ['\u0000\u00a0\u2028é\t\n', "'\\x00\\xa0\\u2028é\\t\\n'"],
  ])('%j → %s', (text, repr) => {
    expect(reprString(text)).toBe(repr);
  });
});

describe('repr(bytes)', () => {
  it("renders undecodable bytes as b-strings (as in `Undecodable: b'\\xff\\n'`)", () => {
    expect(reprBytes(Uint8Array.of(0xff, 0x0a))).toBe("b'\\xff\\n'");
    expect(reprBytes(Buffer.from("ok'\r\t\u0001"))).toBe('b"ok\'\\r\\t\\x01"');
    expect(reprBytes(Buffer.from('\\'))).toBe("b'\\\\'");
  });
});
