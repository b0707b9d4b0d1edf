// What one supervisor run is asked to supervise: N idle programs and/or one loud writer whose
// stdout goes to a rotating log (50 MiB × 10 backups), the same for every subject; for the events
// scenario, a busy logger with stdout events on and an event listener subscribed to PROCESS_LOG;
// for the storm, programs that exit after 50 ms; for the mass spawn, one program × numprocs
// (with an http readiness and liveness probe each, for the probes scenario).

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
      /** ours: log_format= for the log (supervisord and PM2 do not have it) */
      readonly logFormat?: 'timestamped';
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
    }
  | {
      /** the restart storm's program: `sleep 0.05`, autorestart, startsecs=0, no log files */
      readonly kind: 'storm';
      readonly name: string;
    }
  | {
      /** one program run `numprocs` times: `sleep 3600`, startsecs=1, no log files */
      readonly kind: 'crowd';
      readonly name: string;
      readonly numprocs: number;
      /** ours: an http readiness and liveness probe, each every second (supervisord ignores
       *  the keys, so it runs the same file without probes) */
      readonly probeUrl?: string;
    };

export interface Workload {
  readonly programs: readonly ProgramSpec[];
  /** where the programs append their `up`/`armed`/`go`/`done` records */
  readonly recordsFile: string;
  /** an [inet_http_server] on 127.0.0.1 at this port too (the web UI scenario) */
  readonly httpPort?: number;
}

export const idleNames = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `p${String(i + 1).padStart(4, '0')}`);

export const idlePrograms = (count: number): ProgramSpec[] =>
  idleNames(count).map((name) => ({ kind: 'idle', name }));

export const stormPrograms = (count: number): ProgramSpec[] =>
  idleNames(count).map((name) => ({ kind: 'storm', name }));

/** The storm's child: exits after 50 ms (found by the reaper through the daemon's environment). */
export const STORM_ARGV: readonly string[] = ['sleep', '0.05'];
/** The mass spawn's child: sleeps for an hour (found the same way). */
export const CROWD_ARGV: readonly string[] = ['sleep', '3600'];

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
    case 'storm':
      return [...STORM_ARGV];
    case 'crowd':
      return [...CROWD_ARGV];
  }
};
