// How the log scenario sees one loud writer, whoever runs it (a supervisor or the floor's
// pipeline): where it records, how to let it go, which files its output lands in, whose CPU counts.

export interface WriterRun {
  readonly recordsFile: string;
  readonly fifo: string;
  /** the log files, oldest first, live last (may not exist yet) */
  readonly files: () => string[];
  /** starts counting the CPU of whatever does the logging; the result gives the seconds used */
  readonly cpuMeter: () => () => Promise<number | null>;
}
