// depends_on at run time (pure over the processes' states): the first dependency that does not
// hold yet, worded for status and the log (`db`, `db to start`, `migrate to complete`), or null.

import type { Dependency, ProcessConfig } from '../config/types.js';
import type { ProcessStateName } from '../model/process-state.js';

/** What a dependency's condition needs to know about one of its processes. */
export interface DependencyTarget {
  readonly state: ProcessStateName;
  readonly started: boolean;
  readonly completed: boolean;
}

const holds = (dependency: Dependency, target: DependencyTarget): boolean => {
  switch (dependency.condition) {
    case 'ready':
      return target.state === 'RUNNING';
    case 'started':
      return target.started;
    case 'completed':
      return target.completed;
  }
};

const wording = (dependency: Dependency): string => {
  switch (dependency.condition) {
    case 'ready':
      return dependency.name;
    case 'started':
      return `${dependency.name} to start`;
    case 'completed':
      return `${dependency.name} to complete`;
  }
};

export const dependencyWait = (
  config: ProcessConfig,
  targets: (name: string) => readonly DependencyTarget[],
): string | null => {
  for (const dependency of config.dependsOn) {
    const found = targets(dependency.name);
    if (found.length === 0) {
      // Removed by an update since the config was checked: it can never hold.
      return `${dependency.name} (not configured)`;
    }
    if (!found.every((target) => holds(dependency, target))) {
      return wording(dependency);
    }
  }
  return null;
};
