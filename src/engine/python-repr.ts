// Python's repr() of a str, because supervisord quotes names in its messages with %r
// (`can't find command 'foo'`, `can't parse command '"x': ...`) and clients see those texts.

const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

const escapeCodePoint = (cp: number): string => {
  if (cp < 0x100) {
    return `\\x${cp.toString(16).padStart(2, '0')}`;
  }
  if (cp < 0x10000) {
    return `\\u${cp.toString(16).padStart(4, '0')}`;
  }
  return `\\U${cp.toString(16).padStart(8, '0')}`;
};

export const pythonRepr = (text: string): string => {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    if (ch === quote || ch === '\\') {
      out += `\\${ch}`;
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (ch === '\t') {
      out += '\\t';
    } else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) {
      out += escapeCodePoint(ch.codePointAt(0) ?? 0);
    } else {
      out += ch;
    }
  }
  return out + quote;
};
