// Python's repr() of a str and of bytes, for the messages supervisord builds with %r:
// `'web' stdout output:` and `Undecodable: b'\xff\n'` in the main log's debug copy.

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

const chooseQuote = (hasSingle: boolean, hasDouble: boolean): string =>
  hasSingle && !hasDouble ? '"' : "'";

/** repr(str): quotes chosen like Python; control characters escaped. */
export const reprString = (s: string): string => {
  const quote = chooseQuote(s.includes("'"), s.includes('"'));
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) {
      out += `\\${ch}`;
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (ch === '\t') {
      out += '\\t';
    } else if (code < 0x20 || code === 0x7f) {
      out += `\\x${hex2(code)}`;
    } else {
      out += ch;
    }
  }
  return out + quote;
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
      parts.push(`\\x${hex2(byte)}`);
    } else {
      parts.push(String.fromCharCode(byte));
    }
  }
  parts.push(quote);
  return parts.join('');
};
