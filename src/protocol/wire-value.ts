// The reading side of every wire struct: the checks that turn a decoded XML-RPC answer into the
// typed shape a client expects, or a ShapeError naming what was wrong.

import { XmlRpcDouble, isXmlRpcStruct, type XmlRpcValue } from './xmlrpc/xmlrpc-value.js';

/** Whatever a call resolves to: the codec's value model. */
export type WireValue = XmlRpcValue;
export type WireStruct = { readonly [key: string]: WireValue };

/** The daemon answered, but not with the shape supervisord's API promises. */
export class ShapeError extends Error {
  constructor(
    readonly method: string,
    detail: string,
  ) {
    super(`unexpected answer to ${method}: ${detail}`);
    this.name = 'ShapeError';
  }
}

export const isStruct = (value: WireValue): value is WireStruct => isXmlRpcStruct(value);

/** Reads fields of one struct, throwing ShapeError for a missing or mistyped field. */
export interface StructReader {
  string(key: string): string;
  int(key: string): number;
  bool(key: string): boolean;
  /** An `<int>` or a `<double>`, as a number. */
  number(key: string): number;
  /** Optional fields: supervisord always sends them, other servers may not. */
  optionalString(key: string, fallback: string): string;
  optionalInt(key: string, fallback: number): number;
  intOrString(key: string): number | string;
  intArray(key: string): readonly number[];
  stringArray(key: string): readonly string[];
  /** An array of structs, each still to be read. */
  structArray(key: string): readonly WireValue[];
  /** Whether the server sent the field at all. */
  has(key: string): boolean;
}

const isString = (v: WireValue): v is string => typeof v === 'string';
const isInt = (v: WireValue): v is number => typeof v === 'number';
// Python's xmlrpc treats a boolean as an int: supervisord's `inuse`/`autostart` are bools.
const isBoolish = (v: WireValue): v is boolean | number =>
  typeof v === 'boolean' || typeof v === 'number';
const isNumeric = (v: WireValue): v is number | XmlRpcDouble =>
  typeof v === 'number' || v instanceof XmlRpcDouble;
const isIntOrString = (v: WireValue): v is number | string => isInt(v) || isString(v);
const isIntArray = (v: WireValue): v is readonly number[] => Array.isArray(v) && v.every(isInt);
const isStringArray = (v: WireValue): v is readonly string[] =>
  Array.isArray(v) && v.every(isString);
const isStructArray = (v: WireValue): v is readonly WireStruct[] =>
  Array.isArray(v) && v.every((item: WireValue) => isXmlRpcStruct(item));

export const readStruct = (method: string, value: WireValue): StructReader => {
  if (!isStruct(value)) {
    throw new ShapeError(method, 'expected a struct');
  }
  const field = <T extends WireValue>(
    key: string,
    want: string,
    ok: (v: WireValue) => v is T,
  ): T => {
    const v = value[key];
    if (v === undefined || !ok(v)) {
      throw new ShapeError(method, `field ${key} is not ${want}`);
    }
    return v;
  };
  const optional = <T extends WireValue, F>(
    key: string,
    want: string,
    ok: (v: WireValue) => v is T,
    fallback: F,
  ): T | F => (value[key] === undefined ? fallback : field(key, want, ok));
  return {
    string: (key) => field(key, 'a string', isString),
    int: (key) => field(key, 'an int', isInt),
    bool: (key) => Boolean(field(key, 'a boolean', isBoolish)),
    number: (key) => {
      const v = field(key, 'a number', isNumeric);
      return v instanceof XmlRpcDouble ? v.value : v;
    },
    optionalString: (key, fallback) => optional(key, 'a string', isString, fallback),
    optionalInt: (key, fallback) => optional(key, 'an int', isInt, fallback),
    intOrString: (key) => field(key, 'an int or a string', isIntOrString),
    intArray: (key) => field(key, 'an array of ints', isIntArray),
    stringArray: (key) => field(key, 'an array of strings', isStringArray),
    structArray: (key) => field(key, 'an array of structs', isStructArray),
    has: (key) => value[key] !== undefined,
  };
};

export const readArray = (method: string, value: WireValue): readonly WireValue[] => {
  if (!Array.isArray(value)) {
    throw new ShapeError(method, 'expected an array');
  }
  return value as readonly WireValue[];
};

export const readString = (method: string, value: WireValue): string => {
  if (typeof value !== 'string') {
    throw new ShapeError(method, 'expected a string');
  }
  return value;
};

export const readBoolean = (method: string, value: WireValue): boolean => {
  if (typeof value !== 'boolean') {
    throw new ShapeError(method, 'expected a boolean');
  }
  return value;
};

export const readInt = (method: string, value: WireValue): number => {
  if (typeof value !== 'number') {
    throw new ShapeError(method, 'expected an int');
  }
  return value;
};
