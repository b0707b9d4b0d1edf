// The children the daemon spawned through its Spawner and that have not exited yet: the orphan
// reaper leaves them to libuv, the ledger file lists them. trackingSpawner keeps it current.

import type { Spawner } from '../ports/spawner.js';

export interface TrackedChild {
  readonly name: string;
  /** /proc start time, read once when the ledger first lists the child; null until then */
  startTicks: number | null;
}

export class ChildRegistry {
  private readonly children = new Map<number, TrackedChild>();
  private readonly listeners: (() => void)[] = [];

  add(pid: number, name: string): void {
    this.children.set(pid, { name, startTicks: null });
    this.changed();
  }

  remove(pid: number): void {
    if (this.children.delete(pid)) {
      this.changed();
    }
  }

  has(pid: number): boolean {
    return this.children.has(pid);
  }

  entries(): IterableIterator<[number, TrackedChild]> {
    return this.children.entries();
  }

  /** `listener` runs after every add and remove (keep it cheap: defer the work). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}

/** `group:process` as supervisorctl names it, from the SUPERVISOR_* variables the engine sets. */
const nameOf = (env: Readonly<Record<string, string>>, fallback: string): string => {
  const process = env['SUPERVISOR_PROCESS_NAME'];
  const group = env['SUPERVISOR_GROUP_NAME'];
  if (process === undefined) {
    return fallback;
  }
  return group === undefined || group === process ? process : `${group}:${process}`;
};

/** `inner`, with every spawned child in `registry` from its spawn until its exit. */
export const trackingSpawner = (inner: Spawner, registry: ChildRegistry): Spawner => ({
  lookupCommand: (file, searchPath) => inner.lookupCommand(file, searchPath),
  spawn: (spec) => {
    const result = inner.spawn(spec);
    if (result.ok) {
      const pid = result.child.pid;
      registry.add(pid, nameOf(spec.env, spec.argv[0] ?? spec.file));
      result.child.onExit(() => registry.remove(pid));
    }
    return result;
  },
});
