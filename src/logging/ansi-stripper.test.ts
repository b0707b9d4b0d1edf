import { describe, expect, it } from 'vitest';

import { AnsiStripper } from './ansi-stripper.js';

const strip = (...chunks: string[]): string => {
  const s = new AnsiStripper();
  const out = chunks.map((c) => Buffer.from(s.strip(Buffer.from(c))).toString());
  return out.join('') + Buffer.from(s.end()).toString();
};

describe('AnsiStripper', () => {
  it('removes colour and cursor sequences', () => {
    expect(strip('hi\x1b[31mred\x1b[0m\n')).toBe('hired\n');
    expect(strip('\x1b[2J\x1b[1;1Hclear')).toBe('clear');
  });

  it('returns a chunk without escapes as it is', () => {
    const s = new AnsiStripper();
    const chunk = Buffer.from('plain');
    expect(s.strip(chunk)).toBe(chunk);
  });

  it('keeps an ESC that does not start a sequence', () => {
    expect(strip('a\x1bb')).toBe('a\x1bb');
  });

  it('removes sequences split across chunks', () => {
    expect(strip('red\x1b', '[31', 'mtext')).toBe('redtext');
    expect(strip('x\x1b', 'y')).toBe('x\x1by');
    expect(strip('end\x1b')).toBe('end\x1b');
  });

  it('drops an unterminated sequence to the end, like supervisord', () => {
    expect(strip('ok\x1b[12;34')).toBe('ok');
  });
});
