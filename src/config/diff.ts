// reread/update: which groups a new config adds, changes or removes compared with the running one.
// A group changes when any option of any of its processes does (where it is written does not count).

import type { GroupConfig, ProcessConfig } from './types.js';

export interface ConfigDiff {
  /** in the new config's order */
  readonly added: readonly string[];
  /** in the new config's order */
  readonly changed: readonly string[];
  /** in the old config's order */
  readonly removed: readonly string[];
}

/** [supervisord] environment= before and after: it reaches every process, so it counts too. */
export interface SupervisordEnvironments {
  readonly old: Readonly<Record<string, string>>;
  readonly new: Readonly<Record<string, string>>;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality over plain config data (objects, arrays, primitives). */
const deepEqual = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return false;
};

const effective = (
  proc: ProcessConfig,
  base: Readonly<Record<string, string>> | undefined,
): ProcessConfig =>
  base === undefined ? proc : { ...proc, environment: { ...base, ...proc.environment } };

const sameGroup = (
  a: GroupConfig,
  b: GroupConfig,
  envs: SupervisordEnvironments | undefined,
): boolean => {
  const listenerA = a.eventListener && {
    ...a.eventListener,
    events: [...a.eventListener.events].sort(),
  };
  const listenerB = b.eventListener && {
    ...b.eventListener,
    events: [...b.eventListener.events].sort(),
  };
  return (
    a.kind === b.kind &&
    a.priority === b.priority &&
    deepEqual(listenerA, listenerB) &&
    a.processes.length === b.processes.length &&
    a.processes.every((p, i) => {
      const q = b.processes[i];
      return q !== undefined && deepEqual(effective(p, envs?.old), effective(q, envs?.new));
    })
  );
};

export const diffConfigs = (
  oldGroups: readonly GroupConfig[],
  newGroups: readonly GroupConfig[],
  environments?: SupervisordEnvironments,
): ConfigDiff => {
  const before = new Map(oldGroups.map((g) => [g.name, g]));
  const after = new Set(newGroups.map((g) => g.name));
  const added: string[] = [];
  const changed: string[] = [];
  for (const group of newGroups) {
    const old = before.get(group.name);
    if (old === undefined) {
      added.push(group.name);
    } else if (!sameGroup(old, group, environments)) {
      changed.push(group.name);
    }
  }
  const removed = oldGroups.filter((g) => !after.has(g.name)).map((g) => g.name);
  return { added, changed, removed };
};
