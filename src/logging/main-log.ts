// supervisord's own log (the DaemonLogger): formatted, level-filtered records in a rotating file
// or in syslog (logfile=syslog), an optional copy on stdout (nodaemon, not silent), and the debug
// copy of child output.

import { isUtf8 } from 'node:buffer';

import type { OutputChannel } from '../model/events.js';
import type { LogLevel } from '../model/log-level.js';
import type { Clock } from '../ports/clock.js';
import type { FileSystem } from '../ports/file-system.js';
import type { DaemonLogger } from '../ports/logger.js';
import { formatLine, levelPasses, linePrefix } from './log-line-format.js';
import { reprBytes, reprString } from '../model/python-repr.js';
import { RotatingFileWriter } from './rotating-file-writer.js';
import type { WriterStats } from './rotating-file-writer.js';
import type { WriterReport } from './writer-reports.js';
import type { ByteSink, DebugOutputCopy } from './sinks.js';
import { describeWriterReport } from './writer-reports.js';

export interface MainLogOptions {
  /** absolute path; 'syslog' (records go to deps.syslog); null for no file at all */
  readonly logfile: string | null;
  readonly maxBytes: number;
  readonly backups: number;
  readonly level: LogLevel;
  /** queued bytes at which child output copied at debug level is paused (default 1 MiB) */
  readonly highWaterMark?: number;
}

export interface MainLogDeps {
  readonly fs: FileSystem;
  readonly clock: Pick<Clock, 'wallMs' | 'monotonicMs'>;
  /** nodaemon and not silent: every record is copied here as well */
  readonly stdoutCopy: ((bytes: Uint8Array) => void) | null;
  /** told when the main log file itself cannot be written (e.g. print on stderr) */
  readonly onOwnFailure: (message: string) => void;
  /** logfile=syslog: where the records go, whole lines each (null: logfile=syslog writes none) */
  readonly syslog?: ByteSink | null;
}

export type ClearLogResult =
  { readonly ok: true } | { readonly ok: false; readonly fault: 'NO_FILE' | 'FAILED' };

const DEFAULT_HIGH_WATER_MARK = 1024 * 1024;
/** Records beyond this much unwritten log are dropped (and counted) rather than held. */
const HARD_LIMIT_FACTOR = 16;
const RETRY_INTERVAL_MS = 5_000;
const NEWLINE = Uint8Array.of(0x0a);

export class MainLog implements DaemonLogger, DebugOutputCopy {
  private droppedRecords = 0;

  private readonly level: LogLevel;
  private readonly highWaterMark: number;

  constructor(
    /** the file readLog/clearLog use; null when there is none (no logfile, or syslog) */
    readonly path: string | null,
    private readonly writer: RotatingFileWriter | null,
    settings: { readonly level: LogLevel; readonly highWaterMark: number },
    /** deps.syslog is used only for logfile=syslog (openMainLog sees to it) */
    private readonly deps: MainLogDeps,
  ) {
    this.level = settings.level;
    this.highWaterMark = settings.highWaterMark;
  }

  /** null without a file */
  get stats(): WriterStats | null {
    return this.writer?.stats ?? null;
  }

  isEnabled(level: LogLevel): boolean {
    return levelPasses(level, this.level);
  }

  log(level: LogLevel, message: string): void {
    if (!levelPasses(level, this.level)) {
      return;
    }
    const now = this.deps.clock.wallMs();
    if (!this.roomForRecord(now)) {
      return;
    }
    this.emit(Buffer.from(formatLine(now, level, message)));
    this.toSyslog(now, level, message);
  }

  /** DEBG `'<name>' <channel> output:\n<data>`; the bytes themselves are not copied when UTF-8. */
  copyChildOutput(processName: string, channel: OutputChannel, data: Uint8Array): boolean {
    if (!levelPasses('debug', this.level)) {
      return true;
    }
    const now = this.deps.clock.wallMs();
    const title = `${reprString(processName)} ${channel} output:\n`;
    const head = `${linePrefix(now, 'debug')}${title}`;
    if (isUtf8(data)) {
      this.emit(Buffer.from(head));
      // Lent by the pipe reader, and the file may queue it: copied.
      this.emit(Buffer.from(data));
      this.emit(NEWLINE);
      this.toSyslog(now, 'debug', `${title}${Buffer.from(data).toString('utf8')}`);
    } else {
      this.emit(Buffer.from(`${head}Undecodable: ${reprBytes(data)}\n`));
      this.toSyslog(now, 'debug', `${title}Undecodable: ${reprBytes(data)}`);
    }
    return this.writer === null || this.writer.pendingBytes < this.highWaterMark;
  }

  onceDrained(callback: () => void): void {
    if (this.writer === null) {
      callback();
    } else {
      this.writer.onceDrained(callback);
    }
  }

  /** SIGUSR2: reopen the file by name. */
  async reopen(): Promise<void> {
    await this.writer?.reopen();
  }

  /** supervisor.clearLog: delete the file and start a new one. */
  async clear(): Promise<ClearLogResult> {
    if (this.path === null || this.writer === null) {
      return { ok: false, fault: 'NO_FILE' };
    }
    const stat = await this.deps.fs.stat(this.path);
    if (!stat.ok) {
      return { ok: false, fault: 'NO_FILE' };
    }
    const cleared = await this.writer.clear();
    return cleared.ok ? { ok: true } : { ok: false, fault: 'FAILED' };
  }

  /** Resolves when every record logged so far is in the file. */
  async flush(): Promise<void> {
    await this.writer?.flush();
  }

  async close(): Promise<void> {
    await this.writer?.close();
  }

  /** supervisord sends each line of a record on its own, each with the record's head. */
  private toSyslog(now: number, level: LogLevel, message: string): void {
    const { syslog } = this.deps;
    if (syslog == null) {
      return;
    }
    const lines = message.replace(/\n+$/, '').split('\n');
    syslog.write(Buffer.from(lines.map((line) => formatLine(now, level, line)).join('')));
  }

  private emit(bytes: Uint8Array): void {
    this.writer?.write(bytes);
    this.deps.stdoutCopy?.(bytes);
  }

  /** Keep memory bounded when the disk cannot keep up with plain records (no backpressure). */
  private roomForRecord(now: number): boolean {
    const pending = this.writer?.pendingBytes ?? 0;
    if (pending >= this.highWaterMark * HARD_LIMIT_FACTOR) {
      this.droppedRecords++;
      return false;
    }
    if (this.droppedRecords > 0) {
      const note = `${this.droppedRecords} log records were dropped: the log file could not keep up`;
      this.droppedRecords = 0;
      this.emit(Buffer.from(formatLine(now, 'warn', note)));
    }
    return true;
  }
}

/**
 * Open the main log. Never throws: when the file cannot be opened the failure goes to
 * `onOwnFailure` and the log retries on reopen (and every few seconds while records arrive).
 */
export const openMainLog = async (options: MainLogOptions, deps: MainLogDeps): Promise<MainLog> => {
  const highWaterMark = options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;
  const settings = { level: options.level, highWaterMark };
  if (options.logfile === 'syslog') {
    return new MainLog(null, null, settings, deps);
  }
  const fileDeps = { ...deps, syslog: null };
  if (options.logfile === null) {
    return new MainLog(null, null, settings, fileDeps);
  }
  const path = options.logfile;
  let log: MainLog | null = null;
  const report = (r: WriterReport): void => {
    const { level, message } = describeWriterReport(r);
    if (r.kind === 'failed') {
      deps.onOwnFailure(message);
    }
    log?.log(level, message);
  };
  const writer = new RotatingFileWriter(
    { fs: deps.fs, monotonicMs: () => deps.clock.monotonicMs(), report },
    {
      path,
      maxBytes: options.maxBytes,
      backups: options.backups,
      permissions: 0o666,
      highWaterMark,
      retryIntervalMs: RETRY_INTERVAL_MS,
    },
  );
  log = new MainLog(path, writer, settings, fileDeps);
  await writer.open();
  return log;
};
