import { describe, expect, it } from 'vitest';

import { pythonQuote } from './url-quote.js';

describe('pythonQuote (urllib.parse.quote)', () => {
  it.each([
    ['grp:web_0', 'grp%3Aweb_0'],
    [
      'Page refreshed at Sat Dec  5 08:01:33 2026',
      'Page%20refreshed%20at%20Sat%20Dec%20%205%2008%3A01%3A33%202026',
    ],
    ['<script>alert(1)<\\script>', '%3Cscript%3Ealert%281%29%3C%5Cscript%3E'],
    ["a!b'c*d~e.f-g/h", 'a%21b%27c%2Ad~e.f-g/h'],
    ['grp:*', 'grp%3A%2A'],
    ['é', '%C3%A9'],
  ])('%s → %s', (text, quoted) => {
    expect(pythonQuote(text)).toBe(quoted);
  });

  it('encodes a lone surrogate as U+FFFD instead of throwing', () => {
    expect(pythonQuote('a\uD800b')).toBe('a%EF%BF%BDb');
  });
});
