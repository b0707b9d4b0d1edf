import { describe, expect, it } from 'vitest';

import {
  EMPTY_INI,
  expandHereText,
  formatIniParseError,
  iniGet,
  iniKeys,
  lineOwner,
  readIni,
  type IniDocument,
} from './ini.js';

const parse = (text: string, file = 'main.conf'): IniDocument => {
  const result = readIni(EMPTY_INI, text, file);
  if (!result.ok) {
    throw new Error(formatIniParseError(result.error));
  }
  return result.doc;
};

const value = (text: string, key = 'k', section = 's'): string | undefined =>
  iniGet(parse(`[${section}]\n${text}`), section, key)?.text;

describe('values (each checked against the reference parser)', () => {
  it.each([
    ['k=v', 'v'],
    ['k:v', 'v'],
    ['k = v', 'v'],
    ['k : v:w=x', 'v:w=x'],
    ['k=a=b', 'a=b'],
    ['K=upper key', 'upper key'],
    ['k=', ''],
    ['k=v ; comment', 'v'],
    ['k=v # comment', 'v'],
    ['k=a;b ;c', 'a;b'],
    ['k=x#c', 'x#c'],
    ['k=x\t;tab before', 'x'],
    ["k=bash -c 'a ; b'", "bash -c 'a"],
    // Both prefixes advance together; the `;` found in the first round wins over the later `#`.
    ['k=a#b #c ;d', 'a#b #c'],
    ['k=a;b #c', 'a;b'],
    ['k=first\n  second', 'first\nsecond'],
    ['k=first\n\tsecond\n\t\tthird', 'first\nsecond\nthird'],
    ['k=\n  a\n\n  b\n\n\n', '\na\n\nb'],
    ['k=x\n\n  after blank', 'x\n\nafter blank'],
    ['k=x ;c\n  ;comment line\n  more', 'x\nmore'],
    ['k=a\r\n  b\r\n', 'a\nb'],
    ['k=first\nk=second', 'second'],
  ])('%j → %j', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('reads a lone \\r as a line end, as Python text files do', () => {
    const doc = parse('[s]\rk=a\rj=b\r');
    expect(iniGet(doc, 's', 'j')?.text).toBe('b');
  });

  it('keeps an indented option line after a header as an option, not a continuation', () => {
    const doc = parse('[s]\n  a=1\n    b\n  c=2\n');
    expect(iniGet(doc, 's', 'a')?.text).toBe('1\nb');
    expect(iniGet(doc, 's', 'c')?.text).toBe('2');
  });

  it('continues a value with a deeper line that looks like a header', () => {
    expect(value('k=x\n  [program:y]')).toBe('x\n[program:y]');
  });
});

describe('sections', () => {
  it('are case-sensitive and merge when repeated; the first header is the origin', () => {
    const doc = parse('[s]\na=1\nb=1\n[S]\na=9\n[s]\nB=2\nc=3\n');
    expect([...doc.sections.keys()]).toEqual(['s', 'S']);
    expect(iniGet(doc, 's', 'a')?.text).toBe('1');
    expect(iniGet(doc, 's', 'b')).toEqual({ text: '2', file: 'main.conf', line: 7 });
    expect(doc.sections.get('s')?.line).toBe(1);
  });

  it('take the text up to the last `]` and ignore what follows it', () => {
    const doc = parse('[program:x] trailing words\na=1\n[a]b]\n[ spaced ]\n');
    expect([...doc.sections.keys()]).toEqual(['program:x', 'a]b', ' spaced ']);
  });

  it('turn a malformed header into a key of the previous section', () => {
    const doc = parse('[s]\na=1\n[program:bad\n');
    expect(iniGet(doc, 's', '[program')?.text).toBe('bad');
    expect(doc.sections.has('program:bad')).toBe(false);
  });

  it('give [DEFAULT] keys to every section, own keys winning', () => {
    const doc = parse('[DEFAULT]\na=d\nb=d\n[s]\nb=own\n[t]\n[DEFAULT]\nc=later\n');
    expect([...doc.sections.keys()]).toEqual(['s', 't']);
    expect(iniGet(doc, 's', 'a')).toEqual({ text: 'd', file: 'main.conf', line: 2 });
    expect(iniGet(doc, 's', 'b')?.text).toBe('own');
    expect(iniGet(doc, 't', 'c')?.text).toBe('later');
    expect(iniKeys(doc, 's')).toEqual(['a', 'b', 'c']);
  });

  it('merge across files; a section keeps the file that first opened it', () => {
    const first = parse('[s]\na=1\n', 'one.conf');
    const second = readIni(first, '[s]\na=2\n[t]\nb=3\n', 'two.conf');
    expect(second.ok).toBe(true);
    if (second.ok) {
      expect(iniGet(second.doc, 's', 'a')).toEqual({ text: '2', file: 'two.conf', line: 2 });
      expect(second.doc.sections.get('s')?.file).toBe('one.conf');
      expect(second.doc.sections.get('t')?.file).toBe('two.conf');
    }
  });
});

describe('parse errors (texts of the reference)', () => {
  it('reports every line without a delimiter, with its number', () => {
    const result = readIni(EMPTY_INI, '[s]\nno delimiter\nk=v\n  \nalso bad', 'f.conf');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(formatIniParseError(result.error)).toBe(
        "Source contains parsing errors: 'f.conf'\n\t[line  2]: 'no delimiter\\n'\n\t[line  5]: 'also bad'",
      );
    }
  });

  it.each([['=value'], [': value'], ['[]']])('%j is a bad line', (line) => {
    const result = readIni(EMPTY_INI, `[s]\n${line}\n`, 'f.conf');
    expect(result.ok).toBe(false);
  });

  it('refuses content before the first header', () => {
    const result = readIni(EMPTY_INI, '; comment\n\nk=v\n[s]\n', 'f.conf');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ kind: 'no-section-header', line: 3 });
      expect(formatIniParseError(result.error)).toBe(
        "File contains no section headers.\nfile: 'f.conf', line: 3\n'k=v\\n'",
      );
    }
  });

  it('does not skip a byte-order mark (the reference does not either)', () => {
    expect(readIni(EMPTY_INI, '\ufeff[s]\n', 'f.conf').ok).toBe(false);
  });
});

describe('the textual %(here)s pass', () => {
  it('replaces it in every section, copying inherited [DEFAULT] values', () => {
    const doc = expandHereText(
      parse('[DEFAULT]\nd=%(here)s/d\n[s]\na=%(here)s/%(here)s\nb=x\n'),
      '/etc',
    );
    expect(iniGet(doc, 's', 'a')?.text).toBe('/etc//etc');
    expect(iniGet(doc, 's', 'd')).toEqual({ text: '/etc/d', file: 'main.conf', line: 2 });
    expect(doc.defaults.get('d')?.text).toBe('%(here)s/d');
  });
});

describe('lineOwner', () => {
  const text = '; top\n[a]\nk = v\n  more\n\n  after blank\n# note\n[b]\nx:1\nstray\n';
  it.each([
    [1, undefined],
    [2, { section: 'a', option: null }],
    [3, { section: 'a', option: 'k' }],
    [4, { section: 'a', option: 'k' }],
    [5, { section: 'a', option: 'k' }],
    [6, { section: 'a', option: 'k' }],
    [7, undefined],
    [8, { section: 'b', option: null }],
    [9, { section: 'b', option: 'x' }],
    [10, undefined],
  ])('line %i', (line, owner) => {
    expect(lineOwner(text, line)).toEqual(owner);
  });
});
