// The one registry of RPC methods: every callable name (aliases included) → its method. Names
// that are not registered, including anything that breaks the `namespace.method` rule, are
// UNKNOWN_METHOD by construction.

import type { RpcMethod } from './method-definition.js';

export interface MethodRegistry {
  lookup(name: string): RpcMethod | undefined;
  /** Every callable name, aliases included, sorted as system.listMethods returns them. */
  names(): readonly string[];
}

export const createMethodRegistry = (methods: readonly RpcMethod[]): MethodRegistry => {
  const byName = new Map<string, RpcMethod>();
  for (const method of methods) {
    for (const name of [method.name, ...method.aliases]) {
      if (byName.has(name)) {
        throw new Error(`RPC method ${name} is registered twice`);
      }
      byName.set(name, method);
    }
  }
  // Code-unit order, like Python's sort of the ASCII names.
  const sorted = [...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    lookup: (name) => byName.get(name),
    names: () => sorted,
  };
};
