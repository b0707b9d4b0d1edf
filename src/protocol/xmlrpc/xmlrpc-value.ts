// The XML-RPC value model: what the codec decodes to and encodes from. Ints, booleans, strings,
// arrays and structs are plain JS values; doubles and dateTimes are small classes, because a JS
// number alone cannot say whether `1` was sent as <int> or <double>.

/** A `<double>`; plain numbers are always `<int>` (supervisord's API returns no doubles). */
export class XmlRpcDouble {
  constructor(readonly value: number) {}
}

export interface DateTimeFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** A `<dateTime.iso8601>` as `YYYYMMDDTHH:MM:SS`: XML-RPC carries no time zone. */
export class XmlRpcDateTime {
  constructor(readonly fields: DateTimeFields) {}

  toIso8601(): string {
    const { year, month, day, hour, minute, second } = this.fields;
    const two = (n: number): string => String(n).padStart(2, '0');
    return (
      `${String(year).padStart(4, '0')}${two(month)}${two(day)}` +
      `T${two(hour)}:${two(minute)}:${two(second)}`
    );
  }
}

/**
 * Struct shapes must be declared with `type`, not `interface`: TypeScript only lets type
 * literals stand in for an index signature.
 */
export type XmlRpcStruct = { readonly [key: string]: XmlRpcValue };

export type XmlRpcValue =
  number | boolean | string | XmlRpcDouble | XmlRpcDateTime | readonly XmlRpcValue[] | XmlRpcStruct;

/** The XML-RPC type names, as `system.methodSignature` reports them. */
export type XmlRpcTypeName =
  'int' | 'boolean' | 'string' | 'double' | 'dateTime.iso8601' | 'base64' | 'array' | 'struct';

/** The wire type a value is encoded as (base64 arrives as a string, so never reported). */
export const xmlRpcTypeOf = (value: XmlRpcValue): Exclude<XmlRpcTypeName, 'base64'> => {
  if (typeof value === 'number') {
    return 'int';
  }
  if (typeof value === 'boolean') {
    return 'boolean';
  }
  if (typeof value === 'string') {
    return 'string';
  }
  if (value instanceof XmlRpcDouble) {
    return 'double';
  }
  if (value instanceof XmlRpcDateTime) {
    return 'dateTime.iso8601';
  }
  return isXmlRpcArray(value) ? 'array' : 'struct';
};

export const isXmlRpcArray = (value: XmlRpcValue): value is readonly XmlRpcValue[] =>
  Array.isArray(value);

export const isXmlRpcStruct = (value: XmlRpcValue): value is XmlRpcStruct =>
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !(value instanceof XmlRpcDouble) &&
  !(value instanceof XmlRpcDateTime);

/** Sets a decoded struct member: `__proto__` stays an ordinary own key, as in a JSON parse. */
export const setMember = (
  members: Record<string, XmlRpcValue>,
  key: string,
  value: XmlRpcValue,
): void => {
  if (key === '__proto__') {
    Object.defineProperty(members, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    members[key] = value;
  }
};

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
