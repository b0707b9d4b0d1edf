// Percent-encoding as Python's urllib.parse.quote does it (only letters, digits, `_.-~` and `/`
// stay as they are): supervisord builds its links and its redirect's `?message=` that way, and
// scripts compare them.

/** Lone surrogates cannot be encoded as UTF-8: they become U+FFFD, as a decoder would make them. */
const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

export const pythonQuote = (text: string): string =>
  encodeURIComponent(wellFormed(text))
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, '/');
