// What one supervisor run is asked to supervise: N idle programs and/or one loud writer whose
// stdout goes to a rotating log (50 MiB × 10 backups), the same for every subject.

export const ROTATE_MAX_BYTES = 50 * 1024 * 1024;
export const ROTATE_BACKUPS = 10;

export type ProgramSpec =
  | { readonly kind: 'idle'; readonly name: string }
  | {
      readonly kind: 'writer';
      readonly name: string;
      /** the stdout log file (rotated beside itself) */
      readonly logFile: string;
      /** the writer waits for a line on this FIFO before writing */
      readonly fifo: string;
      readonly dataFile: string;
    };

export interface Workload {
  readonly programs: readonly ProgramSpec[];
  /** where the programs append their `up`/`armed`/`go`/`done` records */
  readonly recordsFile: string;
}

export const idleNames = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `p${String(i + 1).padStart(4, '0')}`);

export const idlePrograms = (count: number): ProgramSpec[] =>
  idleNames(count).map((name) => ({ kind: 'idle', name }));

/** The argv every subject runs for a program (the scripts are the same for all). */
export const programArgv = (
  program: ProgramSpec,
  scripts: { readonly idle: string; readonly writer: string },
  recordsFile: string,
): string[] =>
  program.kind === 'idle'
    ? [scripts.idle, recordsFile, program.name]
    : [scripts.writer, recordsFile, program.name, program.fifo, program.dataFile];
