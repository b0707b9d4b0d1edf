// What one supervisor run is asked to supervise: N idle programs and/or one loud writer whose
// stdout goes to a rotating log (50 MiB × 10 backups), the same for every subject; for the events
// scenario, a busy logger with stdout events on and an event listener subscribed to PROCESS_LOG.

import type { WorkloadScripts } from '../workload/scripts.js';

export const ROTATE_MAX_BYTES = 50 * 1024 * 1024;
export const ROTATE_BACKUPS = 10;
/** the busy logger runs until killed, so its log keeps a single backup (≤ 100 MiB on disk) */
export const LOGGER_BACKUPS = 1;

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
    }
  | {
      readonly kind: 'logger';
      readonly name: string;
      /** the stdout log file (rotated beside itself); stdout_events_enabled=true */
      readonly logFile: string;
      /** the logger waits for a line on this FIFO before writing */
      readonly fifo: string;
    }
  | {
      /** an [eventlistener:name] subscribed to PROCESS_LOG (supervisord family only) */
      readonly kind: 'listener';
      readonly name: string;
      /** where the listener keeps "<events> <payload bytes>" */
      readonly countsFile: string;
      readonly stderrFile: string;
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
  scripts: Pick<WorkloadScripts, 'idle' | 'writer' | 'logger' | 'listener'>,
  recordsFile: string,
): string[] => {
  switch (program.kind) {
    case 'idle':
      return [scripts.idle, recordsFile, program.name];
    case 'writer':
      return [scripts.writer, recordsFile, program.name, program.fifo, program.dataFile];
    case 'logger':
      return [scripts.logger, recordsFile, program.name, program.fifo];
    case 'listener':
      return [scripts.listener, program.countsFile];
  }
};
