// Config files are UTF-8, as supervisord reads them (Python text mode, UTF-8 locale): bytes that
// are not refuse the file, reported as Python reports them, with the line they sit on.

export type Utf8Reason =
  'invalid start byte' | 'invalid continuation byte' | 'unexpected end of data';

export interface Utf8Problem {
  /** file offset of the bad sequence's first byte */
  readonly offset: number;
  /** bytes Python names: the start byte and the valid continuation bytes after it */
  readonly length: number;
  readonly reason: Utf8Reason;
  /** Python's "position": relative to the chunk its text-mode reader was decoding (see below) */
  readonly position: number;
  /** 1-based line of the first bad byte (\n, \r\n and \r end lines) */
  readonly line: number;
}

export type Utf8Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: Utf8Problem };

/** Python's TextIOWrapper decodes a file 8 KiB at a time; its error positions count from there. */
const CHUNK_BYTES = 8192;

type Step =
  | { readonly kind: 'ok'; readonly next: number }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'bad'; readonly length: number; readonly reason: Utf8Reason };

/** The continuation bytes a lead byte needs, and the range its first continuation must be in. */
const leadOf = (byte: number): { need: number; low: number; high: number } | undefined => {
  if (byte >= 0xc2 && byte <= 0xdf) {
    return { need: 1, low: 0x80, high: 0xbf };
  }
  if (byte >= 0xe0 && byte <= 0xef) {
    // E0 would be overlong below A0; ED would be a surrogate from A0.
    if (byte === 0xe0) {
      return { need: 2, low: 0xa0, high: 0xbf };
    }
    return byte === 0xed ? { need: 2, low: 0x80, high: 0x9f } : { need: 2, low: 0x80, high: 0xbf };
  }
  if (byte >= 0xf0 && byte <= 0xf4) {
    // F0 would be overlong below 90; F4 beyond U+10FFFF from 90.
    if (byte === 0xf0) {
      return { need: 3, low: 0x90, high: 0xbf };
    }
    return byte === 0xf4 ? { need: 3, low: 0x80, high: 0x8f } : { need: 3, low: 0x80, high: 0xbf };
  }
  return undefined;
};

/** One character from `at`, as CPython's UTF-8 decoder judges it (`end` = bytes available). */
const step = (bytes: Uint8Array, at: number, end: number, final: boolean): Step => {
  const byte = bytes[at] ?? 0;
  if (byte < 0x80) {
    return { kind: 'ok', next: at + 1 };
  }
  const lead = leadOf(byte);
  if (lead === undefined) {
    return { kind: 'bad', length: 1, reason: 'invalid start byte' };
  }
  for (let k = 1; k <= lead.need; k += 1) {
    if (at + k >= end) {
      return final
        ? { kind: 'bad', length: end - at, reason: 'unexpected end of data' }
        : { kind: 'incomplete' };
    }
    const next = bytes[at + k] ?? 0;
    const [low, high] = k === 1 ? [lead.low, lead.high] : [0x80, 0xbf];
    if (next < low || next > high) {
      // CPython's quirk: a surrogate's first two bytes ending the data wait for more, so the
      // error comes one read later (at the start of what was carried).
      const truncatedSurrogate = byte === 0xed && next >= 0xa0 && next <= 0xbf && end - at === 2;
      return truncatedSurrogate && !final
        ? { kind: 'incomplete' }
        : { kind: 'bad', length: k, reason: 'invalid continuation byte' };
    }
  }
  return { kind: 'ok', next: at + lead.need + 1 };
};

const lineAt = (bytes: Uint8Array, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i += 1) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) {
      line += 1;
    }
  }
  return line;
};

/**
 * The first bad sequence, found the way Python's reader meets it: chunk by chunk, an incomplete
 * character at a chunk's end carried into the next, and the end of data seen only on the empty
 * read after the last chunk. So the position is the file offset only in a file's first 8 KiB.
 */
export const findInvalidUtf8 = (bytes: Uint8Array): Utf8Problem | undefined => {
  // Each round decodes what the last one carried plus one read: 8 KiB, or empty at the end.
  for (let dataStart = 0, readStart = 0; ; readStart += CHUNK_BYTES) {
    const final = readStart >= bytes.length;
    const chunkEnd = Math.min(readStart + CHUNK_BYTES, bytes.length);
    let at = dataStart;
    while (at < chunkEnd) {
      const result = step(bytes, at, chunkEnd, final);
      if (result.kind === 'incomplete') {
        break;
      }
      if (result.kind === 'bad') {
        return {
          offset: at,
          length: result.length,
          reason: result.reason,
          position: at - dataStart,
          line: lineAt(bytes, at),
        };
      }
      at = result.next;
    }
    if (final) {
      return undefined;
    }
    dataStart = at;
  }
};

/** Python's UnicodeDecodeError text for the problem. */
export const utf8ProblemMessage = (bytes: Uint8Array, problem: Utf8Problem): string => {
  const { position, length, reason } = problem;
  const what =
    length === 1
      ? `byte 0x${(bytes[problem.offset] ?? 0).toString(16).padStart(2, '0')} in position ${position}`
      : `bytes in position ${position}-${position + length - 1}`;
  return `'utf-8' codec can't decode ${what}: ${reason}`;
};

/** The file's text, or its first bad sequence. A BOM is kept, as Python's 'utf-8' keeps it. */
export const decodeUtf8 = (bytes: Uint8Array): Utf8Decoded => {
  const problem = findInvalidUtf8(bytes);
  if (problem !== undefined) {
    return { ok: false, problem };
  }
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
};

/** The text with U+FFFD for bad sequences: only to say where a problem sits, never to load. */
export const decodeUtf8Lossy = (bytes: Uint8Array): string =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
