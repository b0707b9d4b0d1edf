// The text of XML-RPC scalar elements → values, with Python's leniencies where supervisord's
// parser has them (whitespace around ints and doubles, inf/nan) and a problem text otherwise.

import { XmlRpcDateTime, XmlRpcDouble, type XmlRpcValue } from './xmlrpc-value.js';

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (problem: string): Parsed<never> => ({ ok: false, problem });

export const parseInteger = (text: string): Parsed<number> => {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    return bad(`holds ${JSON.stringify(text)}, not an integer`);
  }
  const n = Number(trimmed);
  if (!Number.isSafeInteger(n)) {
    return bad(`holds ${trimmed}, beyond ±2^53`);
  }
  return ok(n === 0 ? 0 : n); // no -0
};

const SPECIAL_DOUBLES: Readonly<Record<string, number>> = {
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
  nan: NaN,
  '+nan': NaN,
  '-nan': NaN,
};

export const parseDouble = (text: string): Parsed<number> => {
  const trimmed = text.trim().toLowerCase();
  const special = SPECIAL_DOUBLES[trimmed];
  if (special !== undefined) {
    return ok(special);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(trimmed)) {
    return bad(`holds ${JSON.stringify(text)}, not a number`);
  }
  return ok(Number(trimmed));
};

export const parseDateTime = (text: string): Parsed<XmlRpcDateTime> => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  const [year, month, day, hour, minute, second] = (match?.slice(1) ?? []).map(Number);
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 61
  ) {
    return bad(`holds ${JSON.stringify(text)}, not YYYYMMDDTHH:MM:SS`);
  }
  return ok(new XmlRpcDateTime({ year, month, day, hour, minute, second }));
};

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** supervisord hands base64 to methods as a string: the bytes must be UTF-8 text. */
export const parseBase64 = (text: string): Parsed<string> => {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    return bad('is not valid base64');
  }
  try {
    return ok(utf8.decode(Buffer.from(compact, 'base64')));
  } catch {
    return bad('does not decode to UTF-8 text');
  }
};

/** The value of a scalar element by its name; undefined for a name that is not a scalar. */
export const parseScalar = (name: string, text: string): Parsed<XmlRpcValue> | undefined => {
  switch (name) {
    case 'int':
    case 'i4':
      return parseInteger(text);
    case 'boolean':
      // supervisord's rule: only the exact text "1" is true ("true" is false).
      return { ok: true, value: text === '1' };
    case 'string':
      return { ok: true, value: text };
    case 'double': {
      const parsed = parseDouble(text);
      return parsed.ok ? { ok: true, value: new XmlRpcDouble(parsed.value) } : parsed;
    }
    case 'dateTime.iso8601':
      return parseDateTime(text);
    case 'base64':
      return parseBase64(text);
    default:
      return undefined;
  }
};
