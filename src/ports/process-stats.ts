// The process-stats port: CPU and memory of whole process trees (a supervised pid and all its
// descendants), sampled on demand. platform/pidusage-stats.ts is the real one.

/** One process of a tree, as measured. */
export interface MemberUsage {
  readonly pid: number;
  readonly ppid: number;
  /** The kernel's name for it (the executable's first 15 bytes), '' when unknown. */
  readonly name: string;
  readonly cpuPercent: number;
  readonly rssBytes: number;
}

export interface TreeUsage {
  /** Percent of one CPU since the previous sample, summed over the tree (100 = one busy core). */
  readonly cpuPercent: number;
  /** Resident set size summed over the tree, in bytes (shared pages count once per process). */
  readonly rssBytes: number;
  /** How many processes the tree has, the root included. */
  readonly processCount: number;
  /** Each process of the tree, the root first, then its descendants breadth first. */
  readonly members: readonly MemberUsage[];
}

export interface ProcessStats {
  /**
   * One sample of each root's tree. Roots that are gone (or could not be read) are missing from
   * the answer. CPU is averaged over the time since the previous sample that included the pid.
   */
  sample(rootPids: readonly number[]): Promise<ReadonlyMap<number, TreeUsage>>;
}
