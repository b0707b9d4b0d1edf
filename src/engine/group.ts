// A process group: a [program:x] (its numprocs processes), a [group:x] or an event-listener
// pool. Keeps its processes in config order and knows the priority orders.

import type { GroupConfig, ProcessConfig } from '../config/types.js';
import { isStoppedState } from '../model/process-state.js';
import type { SupervisedProcess } from './process.js';

/** Ascending priority; equal priorities keep their given order (Array.prototype.sort is stable). */
export const byPriority = <T>(items: readonly T[], priorityOf: (item: T) => number): T[] =>
  [...items].sort((a, b) => priorityOf(a) - priorityOf(b));

export class ProcessGroup {
  /** config order: the order of the automatic start sweep */
  readonly processes: readonly SupervisedProcess[];

  /** some member has depends_on */
  readonly hasDependencies: boolean;

  /** some member has restart_on_memory */
  readonly hasMemoryLimit: boolean;

  constructor(
    readonly config: GroupConfig,
    createProcess: (config: ProcessConfig) => SupervisedProcess,
  ) {
    this.processes = config.processes.map(createProcess);
    this.hasDependencies = config.processes.some((p) => p.dependsOn.length > 0);
    this.hasMemoryLimit = config.processes.some((p) => p.restartTriggers.memoryBytes > 0);
  }

  get name(): string {
    return this.config.name;
  }

  get priority(): number {
    return this.config.priority;
  }

  process(name: string): SupervisedProcess | undefined {
    return this.processes.find((p) => p.config.name === name);
  }

  /** The order of RPC group operations. */
  inPriorityOrder(): SupervisedProcess[] {
    return byPriority(this.processes, (p) => p.config.priority);
  }

  /** Processes not in a stopped state (STOPPED, EXITED, FATAL, UNKNOWN). */
  unstopped(): SupervisedProcess[] {
    return this.processes.filter((p) => !isStoppedState(p.state));
  }

  autostart(): void {
    for (const process of this.processes) {
      process.autostart();
    }
  }

  /** supervisord's stop_all: the reverse of the ascending order, so ties stop last-first too. */
  shutdown(): void {
    for (const process of this.inPriorityOrder().reverse()) {
      process.shutdown();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.close()));
  }
}
