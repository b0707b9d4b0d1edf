// `environment=KEY=val,KEY2="v, 2"`: tokenised like Python's non-POSIX shlex with the reference's
// extra word characters, then read as key = value triples. Lossy cases behave as the reference's.

import { InvalidValue, pyStripChars } from './python-str.js';

const WORD_CHARS = new Set(
  'abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.+-():',
);
const WHITESPACE = new Set(' \t\r\n');
const QUOTES = new Set(`'"`);
const COMMENT = '#';

/** Python's `list(shlex.shlex(text))` (posix=False): stops at the first empty token. */
export const shlexTokens = (text: string): string[] => {
  const tokens: string[] = [];
  let i = 0;
  const next = (): string | undefined => (i < text.length ? text.charAt(i++) : undefined);
  const skipLine = (): void => {
    const newline = text.indexOf('\n', i);
    i = newline === -1 ? text.length : newline + 1;
  };

  for (;;) {
    let token = '';
    let state: 'space' | 'word' | 'quote' = 'space';
    let quote = '';
    for (;;) {
      const ch = next();
      if (state === 'space') {
        if (ch === undefined) {
          break;
        }
        if (WHITESPACE.has(ch)) {
          if (token !== '') {
            break;
          }
        } else if (ch === COMMENT) {
          skipLine();
        } else if (WORD_CHARS.has(ch)) {
          token = ch;
          state = 'word';
        } else if (QUOTES.has(ch)) {
          token = ch;
          quote = ch;
          state = 'quote';
        } else {
          token = ch;
          break;
        }
      } else if (state === 'quote') {
        if (ch === undefined) {
          throw new InvalidValue('No closing quotation');
        }
        token += ch;
        if (ch === quote) {
          break;
        }
      } else {
        if (ch === undefined || WHITESPACE.has(ch)) {
          break;
        }
        if (ch === COMMENT) {
          // Non-POSIX shlex drops the rest of the line but keeps building the same word.
          skipLine();
        } else if (WORD_CHARS.has(ch) || QUOTES.has(ch)) {
          token += ch;
        } else {
          i -= 1;
          break;
        }
      }
    }
    if (token === '') {
      return tokens;
    }
    tokens.push(token);
  }
};

/** dict_of_key_value_pairs: `KEY=value` triples separated by any one token (normally `,`). */
export const parseEnvironment = (text: string): Record<string, string> => {
  const tokens = shlexTokens(text);
  const pairs = new Map<string, string>();
  for (let i = 0; i < tokens.length; i += 4) {
    const [key, equals, value] = tokens.slice(i, i + 3);
    if (key === undefined || equals !== '=' || value === undefined) {
      throw new InvalidValue(`Unexpected end of key/value pairs in value '${text}'`);
    }
    pairs.set(key, pyStripChars(value, `'"`));
  }
  return Object.fromEntries(pairs);
};
