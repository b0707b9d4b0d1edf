// reloadConfig's answer, both sides: supervisord's [[added, changed, removed]] (three arrays of
// group names, wrapped in one more array) from the server's diff, and as clients read it.

import { readArray, ShapeError, type WireValue } from './wire-value.js';

export interface ConfigChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

const names = (method: string, value: WireValue | undefined): string[] => {
  if (value === undefined) {
    throw new ShapeError(method, 'expected [[added, changed, removed]]');
  }
  return readArray(method, value).map((name) => {
    if (typeof name !== 'string') {
      throw new ShapeError(method, 'group names must be strings');
    }
    return name;
  });
};

/** supervisord wraps the triple in one more array. */
export const encodeConfigChanges = (
  changes: ConfigChanges,
): readonly [readonly [string[], string[], string[]]] => [
  [[...changes.added], [...changes.changed], [...changes.removed]],
];

/** The triple, out of its wrapping array. */
export const readConfigChanges = (method: string, value: WireValue): ConfigChanges => {
  const triple = readArray(method, readArray(method, value)[0] ?? []);
  return {
    added: names(method, triple[0]),
    changed: names(method, triple[1]),
    removed: names(method, triple[2]),
  };
};
