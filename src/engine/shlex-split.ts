// Python's shlex.split() in POSIX mode, which supervisord uses to turn `command=` into argv:
// quotes, backslash escapes, empty quoted words, and its two error messages.

export type SplitResult =
  | { readonly ok: true; readonly words: readonly string[] }
  | { readonly ok: false; readonly message: string };

const WHITESPACE = ' \t\r\n';

/** Inside double quotes a backslash only escapes `"` and itself; elsewhere it escapes anything. */
const ESCAPABLE_IN_DOUBLE_QUOTES = '"\\';

type Mode = 'between' | 'word' | 'single' | 'double' | 'escape' | 'escapeInDouble';

export const shlexSplit = (line: string): SplitResult => {
  const words: string[] = [];
  let word = '';
  let mode: Mode = 'between';
  // Iterating a string yields code points, as Python does.
  for (const ch of line) {
    switch (mode) {
      case 'between':
      case 'word':
        if (WHITESPACE.includes(ch)) {
          if (mode === 'word') {
            words.push(word);
            word = '';
          }
          mode = 'between';
        } else if (ch === '\\') {
          mode = 'escape';
        } else if (ch === "'") {
          mode = 'single';
        } else if (ch === '"') {
          mode = 'double';
        } else {
          word += ch;
          mode = 'word';
        }
        break;
      case 'single':
        if (ch === "'") {
          mode = 'word';
        } else {
          word += ch;
        }
        break;
      case 'double':
        if (ch === '"') {
          mode = 'word';
        } else if (ch === '\\') {
          mode = 'escapeInDouble';
        } else {
          word += ch;
        }
        break;
      case 'escape':
        word += ch;
        mode = 'word';
        break;
      case 'escapeInDouble':
        word += ESCAPABLE_IN_DOUBLE_QUOTES.includes(ch) ? ch : `\\${ch}`;
        mode = 'double';
        break;
    }
  }
  switch (mode) {
    case 'single':
    case 'double':
      return { ok: false, message: 'No closing quotation' };
    case 'escape':
    case 'escapeInDouble':
      return { ok: false, message: 'No escaped character' };
    case 'word':
      words.push(word);
      return { ok: true, words };
    case 'between':
      return { ok: true, words };
  }
};
