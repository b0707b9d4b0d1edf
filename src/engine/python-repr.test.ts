import { describe, expect, it } from 'vitest';

import { pythonRepr } from './python-repr.js';

// Expected values produced by Python 3's repr().
describe('pythonRepr', () => {
  it.each([
    ['foo', "'foo'"],
    ["it's", `"it's"`],
    ['a"b', `'a"b'`],
    [`a'b"c`, `'a\\'b"c'`],
    ['back\\slash', "'back\\\\slash'"],
    ['\u0000\u00a0\u2028é\t\n', "'\\x00\\xa0\\u2028é\\t\\n'"],
  ])('%j → %s', (text, repr) => {
    expect(pythonRepr(text)).toBe(repr);
  });
});
