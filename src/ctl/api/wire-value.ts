// The values supervisord answers with, as the client decodes them, and the checks that turn an
// answer into the typed shape a command expects (or a ShapeError naming what was wrong).

import type { RpcClient } from '../../protocol/client.js';

/** Whatever a call resolves to: the client's own value model. */
export type WireValue = Awaited<ReturnType<RpcClient['call']>>;
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

export const isStruct = (value: WireValue): value is WireStruct =>
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/** Reads fields of one struct, throwing ShapeError for a missing or mistyped field. */
export interface StructReader {
  string(key: string): string;
  int(key: string): number;
  bool(key: string): boolean;
  /** Optional fields: supervisord always sends them, other servers may not. */
  optionalString(key: string, fallback: string): string;
  optionalInt(key: string, fallback: number): number;
}

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
  const isString = (v: WireValue): v is string => typeof v === 'string';
  const isInt = (v: WireValue): v is number => typeof v === 'number';
  // Python's xmlrpc treats a boolean as an int: supervisord's `inuse`/`autostart` are bools.
  const isBoolish = (v: WireValue): v is boolean | number =>
    typeof v === 'boolean' || typeof v === 'number';
  return {
    string: (key) => field(key, 'a string', isString),
    int: (key) => field(key, 'an int', isInt),
    bool: (key) => Boolean(field(key, 'a boolean', isBoolish)),
    optionalString: (key, fallback) =>
      value[key] === undefined ? fallback : field(key, 'a string', isString),
    optionalInt: (key, fallback) =>
      value[key] === undefined ? fallback : field(key, 'an int', isInt),
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

export const readInt = (method: string, value: WireValue): number => {
  if (typeof value !== 'number') {
    throw new ShapeError(method, 'expected an int');
  }
  return value;
};
