// What a log file writer reports when a file cannot be written (and when it can be again), and
// how that reads in the daemon log.

import type { LogLevel } from '../model/log-level.js';
import type { FsError } from '../ports/file-system.js';

export type WriterOperation = 'open' | 'write' | 'rotate' | 'close' | 'internal';

export type WriterReport =
  | {
      readonly kind: 'failed';
      readonly path: string;
      readonly operation: WriterOperation;
      readonly error: FsError;
    }
  | { readonly kind: 'recovered'; readonly path: string; readonly droppedBytes: number }
  /** a write on the daemon's thread took `tookMs`: later ones go to the thread pool */
  | { readonly kind: 'slow'; readonly path: string; readonly tookMs: number };

export interface ReportMessage {
  readonly level: LogLevel;
  readonly message: string;
}

export const describeWriterReport = (report: WriterReport): ReportMessage => {
  const file = `log file '${report.path}'`;
  if (report.kind === 'recovered') {
    return {
      level: 'info',
      message: `${file} is writable again (${report.droppedBytes} bytes of output were dropped)`,
    };
  }
  if (report.kind === 'slow') {
    const ms = Math.round(report.tookMs);
    return {
      level: 'warn',
      message: `a write to ${file} took ${ms} ms; writing it in the background until it is reopened`,
    };
  }
  const why = report.error.message;
  const dropping = 'its output is dropped until the log is reopened';
  switch (report.operation) {
    case 'open':
      return { level: 'error', message: `could not open ${file}: ${why}; ${dropping}` };
    case 'write':
      return { level: 'error', message: `could not write ${file}: ${why}; ${dropping}` };
    case 'rotate':
      return {
        level: 'error',
        message: `could not rotate ${file}: ${why}; writing on to the current file`,
      };
    case 'close':
      return { level: 'warn', message: `could not close ${file}: ${why}` };
    case 'internal':
      return { level: 'critical', message: `internal error writing ${file}: ${why}` };
  }
};
