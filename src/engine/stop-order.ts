// The order groups stop in at shutdown: supervisord's (highest priority number first, ties in
// reverse), except that a group stops before any group it depends on (depends_on, reversed).

import { byPriority, type ProcessGroup } from './group.js';

/** The groups `group`'s processes depend on (by group name, or by a program in them). */
const dependenciesOf = (group: ProcessGroup, all: readonly ProcessGroup[]): Set<ProcessGroup> => {
  const found = new Set<ProcessGroup>();
  for (const process of group.processes) {
    for (const dependency of process.config.dependsOn) {
      for (const other of all) {
        const named =
          other.name === dependency.name ||
          other.processes.some((p) => p.config.programName === dependency.name);
        if (named && other !== group) {
          found.add(other);
        }
      }
    }
  }
  return found;
};

export const shutdownOrder = (groups: readonly ProcessGroup[]): ProcessGroup[] => {
  const remaining = byPriority(groups, (g) => g.priority);
  if (!remaining.some((g) => g.hasDependencies)) {
    return remaining.reverse();
  }
  const needs = new Map(remaining.map((g) => [g, dependenciesOf(g, remaining)]));
  const order: ProcessGroup[] = [];
  while (remaining.length > 0) {
    // The last group (supervisord's next) that no remaining group still needs; a cycle (which
    // the config check rules out) falls back to supervisord's order.
    let index = remaining.length - 1;
    for (let i = remaining.length - 1; i >= 0; i--) {
      const candidate = remaining[i];
      if (!remaining.some((g) => g !== candidate && needs.get(g)?.has(candidate as ProcessGroup))) {
        index = i;
        break;
      }
    }
    order.push(...remaining.splice(index, 1));
  }
  return order;
};
