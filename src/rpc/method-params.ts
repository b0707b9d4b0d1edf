// Parameter specifications for RPC methods: the signature type shown by system.methodSignature,
// the runtime check that turns a wrong type into INCORRECT_PARAMETERS, and the TypeScript type
// a handler receives.

import {
  isXmlRpcArray,
  isXmlRpcStruct,
  XmlRpcDouble,
  type XmlRpcStruct,
  type XmlRpcTypeName,
  type XmlRpcValue,
} from '../protocol/xmlrpc/xmlrpc-value.js';

export interface ParamSpec<T> {
  readonly name: string;
  /** What system.methodSignature reports for this parameter. */
  readonly signatureType: XmlRpcTypeName;
  /** The decoded value as the handler wants it, or undefined when the type is wrong. */
  readonly accept: (value: XmlRpcValue) => T | undefined;
  /** Present on optional parameters: the value used when the caller leaves it out. */
  readonly defaultValue?: T;
}

/** The handler-side tuple type for a list of parameter specs. */
export type ParamValues<P extends readonly ParamSpec<unknown>[]> = {
  readonly [K in keyof P]: P[K] extends ParamSpec<infer T> ? T : never;
};

const spec = <T>(
  name: string,
  signatureType: XmlRpcTypeName,
  accept: (value: XmlRpcValue) => T | undefined,
): ParamSpec<T> => ({ name, signatureType, accept });

/** Builders for the parameter kinds supervisord's methods take. */
export const param = {
  string: (name: string): ParamSpec<string> =>
    spec(name, 'string', (v) => (typeof v === 'string' ? v : undefined)),
  int: (name: string): ParamSpec<number> =>
    spec(name, 'int', (v) => (typeof v === 'number' ? v : undefined)),
  boolean: (name: string): ParamSpec<boolean> =>
    spec(name, 'boolean', (v) => (typeof v === 'boolean' ? v : undefined)),
  double: (name: string): ParamSpec<number> =>
    spec(name, 'double', (v) => (v instanceof XmlRpcDouble ? v.value : undefined)),
  array: (name: string): ParamSpec<readonly XmlRpcValue[]> =>
    spec(name, 'array', (v) => (isXmlRpcArray(v) ? v : undefined)),
  struct: (name: string): ParamSpec<XmlRpcStruct> =>
    spec(name, 'struct', (v) => (isXmlRpcStruct(v) ? v : undefined)),
  /** signalProcess takes a signal name or number; its signature says `string`. */
  stringOrInt: (name: string): ParamSpec<string | number> =>
    spec(name, 'string', (v) => (typeof v === 'string' || typeof v === 'number' ? v : undefined)),
  /** Any value at all: for methods that inspect it themselves. */
  any: (name: string, signatureType: XmlRpcTypeName): ParamSpec<XmlRpcValue> =>
    spec(name, signatureType, (v) => v),
} as const;

/** Marks a parameter optional, e.g. `optional(param.boolean('wait'), true)`. */
export const optional = <T>(paramSpec: ParamSpec<T>, defaultValue: T): ParamSpec<T> => ({
  ...paramSpec,
  defaultValue,
});
