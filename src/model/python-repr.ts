// Python's repr() of a str and of bytes. supervisord quotes names and values with %r in the
// texts clients and logs show (`can't find command 'foo'`, `'web' stdout output:`,
// `Undecodable: b'\xff'`), so every layer that words such a text uses these.

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

/** Characters repr() escapes: controls, separators and other non-printables (besides space). */
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

const chooseQuote = (hasSingle: boolean, hasDouble: boolean): string =>
  hasSingle && !hasDouble ? '"' : "'";

const escapeChar = (ch: string, quote: string): string => {
  switch (ch) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      break;
  }
  if (ch === quote) {
    return `\\${quote}`;
  }
  if (ch === ' ' || !NON_PRINTABLE.test(ch)) {
    return ch;
  }
  const code = ch.codePointAt(0) ?? 0;
  if (code <= 0xff) {
    return `\\x${hex(code, 2)}`;
  }
  return code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
};

/** repr(str): `'a'`, `"it's"`, `'\n'`, `'\x00'`. */
export const reprString = (s: string): string => {
  const quote = chooseQuote(s.includes("'"), s.includes('"'));
  let out = '';
  for (const ch of s) {
    out += escapeChar(ch, quote);
  }
  return `${quote}${out}${quote}`;
};

/** repr(bytes): `b'...'` with printable ASCII kept and everything else as \xNN. */
export const reprBytes = (data: Uint8Array): string => {
  const quote = chooseQuote(data.includes(0x27), data.includes(0x22));
  const quoteCode = quote.charCodeAt(0);
  const parts: string[] = [`b${quote}`];
  for (const byte of data) {
    if (byte === 0x5c || byte === quoteCode) {
      parts.push(`\\${String.fromCharCode(byte)}`);
    } else if (byte === 0x0a) {
      parts.push('\\n');
    } else if (byte === 0x0d) {
      parts.push('\\r');
    } else if (byte === 0x09) {
      parts.push('\\t');
    } else if (byte < 0x20 || byte >= 0x7f) {
      parts.push(`\\x${hex(byte, 2)}`);
    } else {
      parts.push(String.fromCharCode(byte));
    }
  }
  parts.push(quote);
  return parts.join('');
};
