// XML-RPC encoding, byte for byte as Python's xmlrpc.client.dumps writes it (which is what
// supervisord sends): one element per line, only & < > escaped, ints limited to 32 bits.
// A big response can also be had as its byte length plus chunks encoded on demand.

import { pythonFloatRepr } from './python-float-repr.js';
import {
  INT32_MAX,
  INT32_MIN,
  XmlRpcDateTime,
  XmlRpcDouble,
  type XmlRpcValue,
} from './xmlrpc-value.js';

export type EncodeResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** A response ready to be sent piecewise: its UTF-8 length up front, its text on demand. */
export interface ChunkedDocument {
  readonly byteLength: number;
  /** The next piece of text (about CHUNK_CHARS), or undefined once all was given. */
  nextChunk(): string | undefined;
}

export type ChunkedEncodeResult =
  | { readonly ok: true; readonly document: ChunkedDocument }
  | { readonly ok: false; readonly message: string };

/** Deeper than this is a cycle or a bug, not data; it fails instead of overflowing the stack. */
const MAX_ENCODE_DEPTH = 1000;

/**
 * About how many characters make a chunk: few enough that a chunk is garbage before V8's
 * young generation (1 MiB semi-spaces, see bin/tssupervisord) promotes it.
 */
export const CHUNK_CHARS = 16 * 1024;

const XML_DECL = "<?xml version='1.0'?>\n";
const RESPONSE_HEAD = `${XML_DECL}<methodResponse>\n<params>\n<param>\n`;
const RESPONSE_TAIL = '</param>\n</params>\n</methodResponse>\n';
const FAULT_HEAD = `${XML_DECL}<methodResponse>\n<fault>\n`;
const FAULT_TAIL = '</fault>\n</methodResponse>\n';
const STRING_OPEN = '<value><string>';
const STRING_CLOSE = '</string></value>\n';
const ARRAY_OPEN = '<value><array><data>\n';
const ARRAY_CLOSE = '</data></array></value>\n';
const STRUCT_OPEN = '<value><struct>\n';
const STRUCT_CLOSE = '</struct></value>\n';
const MEMBER_OPEN = '<member>\n<name>';
const NAME_CLOSE = '</name>\n';
const MEMBER_CLOSE = '</member>\n';
const TRUE = '<value><boolean>1</boolean></value>\n';
const FALSE = '<value><boolean>0</boolean></value>\n';
// The ASCII wrappers of the scalars whose text is built on the fly.
const INT_TAGS = '<value><int></int></value>\n'.length;
const DOUBLE_TAGS = '<value><double></double></value>\n'.length;
const DATETIME_TAGS = '<value><dateTime.iso8601></dateTime.iso8601></value>\n'.length;

class Unencodable extends Error {}

/** Where the encoder puts its text, piece by piece, in document order. */
interface TextSink {
  put(text: string): void;
  /** A piece that may be long (a string value's text), which a chunking sink may split. */
  putLong(text: string): void;
}

const failure = (error: unknown): { readonly ok: false; readonly message: string } => {
  if (error instanceof Unencodable) {
    return { ok: false, message: error.message };
  }
  throw error;
};

const attempt = (build: (sink: TextSink) => void): EncodeResult => {
  let text = '';
  const sink: TextSink = {
    put: (piece) => {
      text += piece;
    },
    putLong: (piece) => {
      text += piece;
    },
  };
  try {
    build(sink);
    return { ok: true, text };
  } catch (error: unknown) {
    return failure(error);
  }
};

export const encodeMethodResponse = (value: XmlRpcValue): EncodeResult =>
  attempt((sink) => {
    sink.put(RESPONSE_HEAD);
    encodeValue(value, 0, sink);
    sink.put(RESPONSE_TAIL);
  });

/** A fault response; cannot fail for an int32 code. */
export const encodeFaultResponse = (faultCode: number, faultString: string): EncodeResult =>
  attempt((sink) => {
    sink.put(FAULT_HEAD);
    encodeValue({ faultCode, faultString }, 0, sink);
    sink.put(FAULT_TAIL);
  });

export const encodeMethodCall = (
  methodName: string,
  params: readonly XmlRpcValue[],
): EncodeResult =>
  attempt((sink) => {
    sink.put(`${XML_DECL}<methodCall>\n<methodName>${escapeXmlText(methodName)}</methodName>\n`);
    sink.put('<params>\n');
    for (const param of params) {
      sink.put('<param>\n');
      encodeValue(param, 0, sink);
      sink.put('</param>\n');
    }
    sink.put('</params>\n</methodCall>\n');
  });

/**
 * encodeMethodResponse's bytes, without ever holding them all: the value is checked and
 * measured first, then a top-level array is encoded a few elements per chunk, as the chunks
 * are asked for. The value must not change until the last chunk has been taken.
 */
export const encodeMethodResponseChunks = (value: XmlRpcValue): ChunkedEncodeResult => {
  let byteLength: number;
  try {
    byteLength = RESPONSE_HEAD.length + valueByteLength(value, 0) + RESPONSE_TAIL.length;
  } catch (error: unknown) {
    return failure(error);
  }
  return { ok: true, document: new ResponseChunks(value, byteLength) };
};

/** Pieces gathered into strings of at least CHUNK_CHARS, split only between characters. */
class ChunkQueue implements TextSink {
  readonly ready: string[] = [];
  private pending = '';

  put(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARS) {
      this.ready.push(this.pending);
      this.pending = '';
    }
  }

  putLong(text: string): void {
    let start = 0;
    while (text.length - start > CHUNK_CHARS) {
      const end = safeCut(text, start + CHUNK_CHARS);
      this.put(text.slice(start, end));
      start = end;
    }
    this.put(start === 0 ? text : text.slice(start));
  }

  finish(): void {
    if (this.pending !== '') {
      this.ready.push(this.pending);
      this.pending = '';
    }
  }
}

class ResponseChunks implements ChunkedDocument {
  private readonly queue = new ChunkQueue();
  /** The next element of a top-level array to encode; -1 before the head, items + 1 at the end. */
  private next = -1;
  private readonly items: readonly XmlRpcValue[] | null;

  constructor(
    private readonly value: XmlRpcValue,
    readonly byteLength: number,
  ) {
    this.items = Array.isArray(value) ? (value as readonly XmlRpcValue[]) : null;
  }

  nextChunk(): string | undefined {
    const { queue } = this;
    while (queue.ready.length === 0 && this.step()) {
      // encode until a chunk is full, or all is encoded
    }
    return queue.ready.shift();
  }

  /** Encodes the next part of the document; false when there is none left. */
  private step(): boolean {
    const { queue, items } = this;
    if (this.next === -1) {
      queue.put(RESPONSE_HEAD);
      if (items === null) {
        encodeValue(this.value, 0, queue);
        this.next = 0;
      } else {
        queue.put(ARRAY_OPEN);
        this.next = 0;
      }
      return true;
    }
    if (items !== null && this.next < items.length) {
      encodeValue(items[this.next], 1, queue);
      this.next += 1;
      return true;
    }
    if (this.next !== Number.MAX_SAFE_INTEGER) {
      queue.put(items === null ? RESPONSE_TAIL : ARRAY_CLOSE + RESPONSE_TAIL);
      queue.finish();
      this.next = Number.MAX_SAFE_INTEGER;
      return true;
    }
    return false;
  }
}

/** Moves a cut that would split a surrogate pair (one character in UTF-8) to before the pair. */
export const safeCut = (text: string, at: number): number => {
  const unit = text.charCodeAt(at - 1);
  return unit >= 0xd800 && unit <= 0xdbff ? at - 1 : at;
};

const NEEDS_ESCAPE = /[&<>]/;

/** Python's xmlrpc escape: only these three; quotes and control characters pass through. */
export const escapeXmlText = (text: string): string =>
  NEEDS_ESCAPE.test(text)
    ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    : text;

/** escapeXmlText(text)'s UTF-8 length, without building it. */
const escapedByteLength = (text: string): number => {
  let length = Buffer.byteLength(text, 'utf8');
  if (NEEDS_ESCAPE.test(text)) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      // & → &amp; (4 more bytes); < → &lt; and > → &gt; (3 more)
      length += unit === 0x26 ? 4 : unit === 0x3c || unit === 0x3e ? 3 : 0;
    }
  }
  return length;
};

const checkDepth = (depth: number): void => {
  if (depth > MAX_ENCODE_DEPTH) {
    throw new Unencodable(`value nested deeper than ${MAX_ENCODE_DEPTH} (a cycle?)`);
  }
};

const unencodable = (value: unknown): Unencodable =>
  new Unencodable(`cannot marshal ${value === null ? 'null' : typeof value} (no nil)`);

/** Takes `unknown` so that a handler bug (undefined, a Map, a Date) fails cleanly as a 500. */
const encodeValue = (value: unknown, depth: number, sink: TextSink): void => {
  checkDepth(depth);
  if (typeof value === 'string') {
    sink.put(STRING_OPEN);
    sink.putLong(escapeXmlText(value));
    sink.put(STRING_CLOSE);
  } else if (typeof value === 'number') {
    sink.put(`<value><int>${encodeInt(value)}</int></value>\n`);
  } else if (typeof value === 'boolean') {
    sink.put(value ? TRUE : FALSE);
  } else if (value instanceof XmlRpcDouble) {
    sink.put(`<value><double>${pythonFloatRepr(value.value)}</double></value>\n`);
  } else if (value instanceof XmlRpcDateTime) {
    sink.put(`<value><dateTime.iso8601>${value.toIso8601()}</dateTime.iso8601></value>\n`);
  } else if (Array.isArray(value)) {
    sink.put(ARRAY_OPEN);
    for (const item of value as readonly unknown[]) {
      encodeValue(item, depth + 1, sink);
    }
    sink.put(ARRAY_CLOSE);
  } else if (isPlainObject(value)) {
    sink.put(STRUCT_OPEN);
    for (const name of Object.keys(value)) {
      sink.put(`${MEMBER_OPEN}${escapeXmlText(name)}${NAME_CLOSE}`);
      encodeValue(value[name], depth + 1, sink);
      sink.put(MEMBER_CLOSE);
    }
    sink.put(STRUCT_CLOSE);
  } else {
    throw unencodable(value);
  }
};

/** The UTF-8 length encodeValue writes for `value`, with the same checks. */
const valueByteLength = (value: unknown, depth: number): number => {
  checkDepth(depth);
  if (typeof value === 'string') {
    return STRING_OPEN.length + escapedByteLength(value) + STRING_CLOSE.length;
  }
  if (typeof value === 'number') {
    return INT_TAGS + encodeInt(value).length;
  }
  if (typeof value === 'boolean') {
    return TRUE.length;
  }
  if (value instanceof XmlRpcDouble) {
    return DOUBLE_TAGS + pythonFloatRepr(value.value).length;
  }
  if (value instanceof XmlRpcDateTime) {
    return DATETIME_TAGS + value.toIso8601().length;
  }
  if (Array.isArray(value)) {
    let length = ARRAY_OPEN.length + ARRAY_CLOSE.length;
    for (const item of value as readonly unknown[]) {
      length += valueByteLength(item, depth + 1);
    }
    return length;
  }
  if (isPlainObject(value)) {
    let length = STRUCT_OPEN.length + STRUCT_CLOSE.length;
    for (const name of Object.keys(value)) {
      length += MEMBER_OPEN.length + escapedByteLength(name) + NAME_CLOSE.length;
      length += valueByteLength(value[name], depth + 1) + MEMBER_CLOSE.length;
    }
    return length;
  }
  throw unencodable(value);
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const encodeInt = (n: number): string => {
  if (!Number.isInteger(n)) {
    throw new Unencodable(`${n} is not an integer (send an XmlRpcDouble for a <double>)`);
  }
  if (n < INT32_MIN || n > INT32_MAX) {
    // Python raises OverflowError here, and supervisord answers HTTP 500; so do we.
    throw new Unencodable(`int ${n} exceeds XML-RPC limits`);
  }
  return String(n === 0 ? 0 : n);
};
