// How a command line becomes a verb and its argument text (Python's cmd.Cmd.parseline) and how
// argument text becomes words (Python's str.split()), so the shell and argv behave alike.

/** Python's str.split()/strip() whitespace: JS \s plus the ASCII separators \x1c-\x1f. */
const SPACE = '[\\s\\x1c-\\x1f]';
const LEADING = new RegExp(`^${SPACE}+`);
const TRAILING = new RegExp(`${SPACE}+$`);
const RUNS = new RegExp(`${SPACE}+`);

export const pyStrip = (text: string): string => text.replace(LEADING, '').replace(TRAILING, '');

export const splitWords = (text: string): string[] => {
  const stripped = pyStrip(text);
  return stripped === '' ? [] : stripped.split(RUNS);
};

export type ParsedLine =
  | { readonly kind: 'empty' }
  /** No verb could be read (e.g. `!ls`, `-x`): "Unknown syntax". */
  | { readonly kind: 'no-verb'; readonly line: string }
  | {
      readonly kind: 'command';
      readonly verb: string;
      readonly arg: string;
      readonly line: string;
    };

const IDENT = /^[A-Za-z0-9_]*/;

/** `?x` is `help x`; the verb is the leading run of identifier characters, the rest is `arg`. */
export const parseLine = (raw: string): ParsedLine => {
  let line = pyStrip(raw);
  if (line === '') {
    return { kind: 'empty' };
  }
  if (line.startsWith('?')) {
    line = `help ${line.slice(1)}`;
  }
  const verb = IDENT.exec(line)?.[0] ?? '';
  if (verb === '') {
    return { kind: 'no-verb', line };
  }
  return { kind: 'command', verb, arg: pyStrip(line.slice(verb.length)), line };
};

/** Python's int() of one word: optional sign, digits with single underscores between them. */
export const parsePyInt = (word: string): number | null =>
  /^[+-]?\d+(?:_\d+)*$/.test(word) ? Number(word.replace(/_/g, '')) : null;
