// The process-stats port: CPU and memory of whole process trees (a supervised pid and all its
// descendants), sampled on demand (platform/process-stats.ts is the real one); and the shape of
// the daemon's own usage (platform/daemon-usage.ts).

export interface TreeUsage {
  /** Percent of one CPU since the previous sample, summed over the tree (100 = one busy core). */
  readonly cpuPercent: number;
  /** Resident set size summed over the tree, in bytes (shared pages count once per process). */
  readonly rssBytes: number;
  /** How many processes the tree has, the root included. */
  readonly processCount: number;
  /**
   * CPU time (user + system) used so far by the tree's processes and by the children they have
   * waited for, in seconds: grows while the root lives (a Prometheus counter), restarts with it.
   */
  readonly cpuSeconds: number;
}

/** The daemon's own process. */
export interface DaemonUsage {
  /** user + system, in seconds */
  readonly cpuSeconds: number;
  readonly rssBytes: number;
  /** epoch seconds */
  readonly startTimeSec: number;
}

export interface ProcessStats {
  /**
   * One sample of each root's tree. Roots that are gone (or could not be read) are missing from
   * the answer. CPU is averaged over the time since the previous sample that included the pid.
   */
  sample(rootPids: readonly number[]): Promise<ReadonlyMap<number, TreeUsage>>;
}
