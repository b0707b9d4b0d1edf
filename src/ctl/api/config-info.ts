// getAllConfigInfo structs, reduced to what `avail` shows, and reloadConfig's
// [[added, changed, removed]] answer.

import { readArray, readStruct, ShapeError, type WireValue } from './wire-value.js';

export interface ConfigInfo {
  readonly name: string;
  readonly group: string;
  readonly inuse: boolean;
  readonly autostart: boolean;
  readonly group_prio: number;
  readonly process_prio: number;
}

export const readConfigInfo = (method: string, value: WireValue): ConfigInfo => {
  const s = readStruct(method, value);
  return {
    name: s.string('name'),
    group: s.string('group'),
    inuse: s.bool('inuse'),
    autostart: s.bool('autostart'),
    group_prio: s.int('group_prio'),
    process_prio: s.int('process_prio'),
  };
};

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
export const readConfigChanges = (method: string, value: WireValue): ConfigChanges => {
  const triple = readArray(method, readArray(method, value)[0] ?? []);
  return {
    added: names(method, triple[0]),
    changed: names(method, triple[1]),
    removed: names(method, triple[2]),
  };
};
