// XML-RPC encoding, byte for byte as Python's xmlrpc.client.dumps writes it (which is what
// supervisord sends): one element per line, only & < > escaped, ints limited to 32 bits.

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

/** Deeper than this is a cycle or a bug, not data; it fails instead of overflowing the stack. */
const MAX_ENCODE_DEPTH = 1000;

const XML_DECL = "<?xml version='1.0'?>\n";

class Unencodable extends Error {}

const attempt = (build: () => string): EncodeResult => {
  try {
    return { ok: true, text: build() };
  } catch (error: unknown) {
    if (error instanceof Unencodable) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
};

export const encodeMethodResponse = (value: XmlRpcValue): EncodeResult =>
  attempt(
    () =>
      `${XML_DECL}<methodResponse>\n<params>\n<param>\n${encodeValue(value, 0)}` +
      '</param>\n</params>\n</methodResponse>\n',
  );

/** A fault response; cannot fail for an int32 code. */
export const encodeFaultResponse = (faultCode: number, faultString: string): EncodeResult =>
  attempt(
    () =>
      `${XML_DECL}<methodResponse>\n<fault>\n` +
      encodeValue({ faultCode, faultString }, 0) +
      '</fault>\n</methodResponse>\n',
  );

export const encodeMethodCall = (
  methodName: string,
  params: readonly XmlRpcValue[],
): EncodeResult =>
  attempt(
    () =>
      `${XML_DECL}<methodCall>\n<methodName>${escapeXmlText(methodName)}</methodName>\n<params>\n` +
      params.map((param) => `<param>\n${encodeValue(param, 0)}</param>\n`).join('') +
      '</params>\n</methodCall>\n',
  );

/** Python's xmlrpc escape: only these three; quotes and control characters pass through. */
export const escapeXmlText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Takes `unknown` so that a handler bug (undefined, a Map, a Date) fails cleanly as a 500. */
const encodeValue = (value: unknown, depth: number): string => {
  if (depth > MAX_ENCODE_DEPTH) {
    throw new Unencodable(`value nested deeper than ${MAX_ENCODE_DEPTH} (a cycle?)`);
  }
  if (typeof value === 'number') {
    return `<value><int>${encodeInt(value)}</int></value>\n`;
  }
  if (typeof value === 'boolean') {
    return `<value><boolean>${value ? '1' : '0'}</boolean></value>\n`;
  }
  if (typeof value === 'string') {
    return `<value><string>${escapeXmlText(value)}</string></value>\n`;
  }
  if (value instanceof XmlRpcDouble) {
    return `<value><double>${pythonFloatRepr(value.value)}</double></value>\n`;
  }
  if (value instanceof XmlRpcDateTime) {
    return `<value><dateTime.iso8601>${value.toIso8601()}</dateTime.iso8601></value>\n`;
  }
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => encodeValue(item, depth + 1)).join('');
    return `<value><array><data>\n${items}</data></array></value>\n`;
  }
  if (isPlainObject(value)) {
    return encodeStruct(value, depth);
  }
  throw new Unencodable(`cannot marshal ${value === null ? 'null' : typeof value} (no nil)`);
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const encodeStruct = (struct: Record<string, unknown>, depth: number): string => {
  const members = Object.entries(struct)
    .map(
      ([name, member]) =>
        `<member>\n<name>${escapeXmlText(name)}</name>\n${encodeValue(member, depth + 1)}</member>\n`,
    )
    .join('');
  return `<value><struct>\n${members}</struct></value>\n`;
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
