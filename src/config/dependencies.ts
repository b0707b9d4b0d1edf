// depends_on across the whole config: every name must be a program or a group, and the
// program-to-program graph must have no cycle. Errors name the file and line of depends_on.

import { configError } from './errors.js';
import type { ConfigError, Dependency, GroupConfig, ProcessConfig } from './types.js';

/** The programs a depends_on name stands for: a group's members, or one program's processes. */
export const dependencyTargets = (
  groups: readonly GroupConfig[],
  name: string,
): readonly ProcessConfig[] => {
  const group = groups.find((g) => g.name === name);
  if (group !== undefined) {
    return group.processes;
  }
  return groups.flatMap((g) => g.processes.filter((p) => p.programName === name));
};

const sectionOf = (group: GroupConfig, process: ProcessConfig): string =>
  `${group.kind === 'eventlistener' ? 'eventlistener' : 'program'}:${process.programName}`;

interface ProgramNode {
  readonly section: string;
  readonly dependsOn: readonly Dependency[];
  readonly needs: Set<string>;
}

/** Depth-first search for a cycle; returns it as program names, first repeated at the end. */
const findCycle = (nodes: ReadonlyMap<string, ProgramNode>): string[] | null => {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (name: string): string[] | null => {
    if (onPath.has(name)) {
      return [...path.slice(path.indexOf(name)), name];
    }
    if (done.has(name)) {
      return null;
    }
    onPath.add(name);
    path.push(name);
    for (const next of nodes.get(name)?.needs ?? []) {
      const cycle = visit(next);
      if (cycle !== null) {
        return cycle;
      }
    }
    path.pop();
    onPath.delete(name);
    done.add(name);
    return null;
  };
  for (const name of nodes.keys()) {
    const cycle = visit(name);
    if (cycle !== null) {
      return cycle;
    }
  }
  return null;
};

export const checkDependencies = (groups: readonly GroupConfig[]): ConfigError[] => {
  const errors: ConfigError[] = [];
  const nodes = new Map<string, ProgramNode>();
  for (const group of groups) {
    for (const process of group.processes) {
      if (process.dependsOn.length === 0 || nodes.has(process.programName)) {
        continue;
      }
      const node: ProgramNode = {
        section: sectionOf(group, process),
        dependsOn: process.dependsOn,
        needs: new Set(),
      };
      nodes.set(process.programName, node);
      for (const dependency of process.dependsOn) {
        const targets = dependencyTargets(groups, dependency.name);
        if (targets.length === 0) {
          errors.push(
            configError(
              {
                ...dependency.at,
                section: node.section,
                option: 'depends_on',
                value: dependency.name,
              },
              `depends_on names '${dependency.name}', which is neither a program nor a group`,
            ),
          );
        }
        for (const target of targets) {
          node.needs.add(target.programName);
        }
      }
    }
  }
  if (errors.length > 0) {
    return errors;
  }
  const cycle = findCycle(nodes);
  if (cycle !== null) {
    const first = nodes.get(cycle[0] ?? '');
    const at = first?.dependsOn[0]?.at ?? { file: '', line: 0 };
    errors.push(
      configError(
        { ...at, section: first?.section ?? null, option: 'depends_on' },
        `depends_on makes a cycle: ${cycle.join(' → ')}`,
      ),
    );
  }
  return errors;
};
