import { describe, expect, it } from 'vitest';

import { reprBytes, reprString } from './python-repr.js';

describe('Python repr', () => {
  it('quotes strings like Python', () => {
    expect(reprString('web')).toBe("'web'");
    expect(reprString("it's")).toBe('"it\'s"');
    expect(reprString('a\'b"c')).toBe("'a\\'b\"c'");
    expect(reprString('tab\there\\')).toBe("'tab\\there\\\\'");
  });

  it("renders undecodable bytes as b-strings (as in `Undecodable: b'\\xff\\n'`)", () => {
    expect(reprBytes(Uint8Array.of(0xff, 0x0a))).toBe("b'\\xff\\n'");
    expect(reprBytes(Buffer.from("ok'\r\t\u0001"))).toBe('b"ok\'\\r\\t\\x01"');
    expect(reprBytes(Buffer.from('\\'))).toBe("b'\\\\'");
  });
});
