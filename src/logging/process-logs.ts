// One process's output: the ProcessOutput the engine attaches children to, plus what the daemon
// and RPC need on top (reopen on SIGUSR2, clearProcessLogs, recent output). Built by
// createProcessLogs from plain options, so logging/ never depends on config/.

import type { OutputChannel } from '../model/events.js';
import type { LogFormat } from '../model/log-format.js';
import { makeNamespec } from '../model/namespec.js';
import type { Clock } from '../ports/clock.js';
import type { FileSystem, FsOutcome } from '../ports/file-system.js';
import type { DaemonLogger } from '../ports/logger.js';
import type { ProcessOutput } from '../ports/process-output.js';
import type { ChildHandle } from '../ports/spawner.js';
import { AnsiStripper } from './ansi-stripper.js';
import { autoLogName, createAutoLog, randomNamePart } from './auto-log-files.js';
import { CapturingTarget } from './capturing-target.js';
import { ChannelRecorder } from './channel-recorder.js';
import type { LogEventPublisher } from './channel-recorder.js';
import { pumpToEnd } from './child-pump.js';
import { LineFormatter } from './line-formatter.js';
import { LineFramedSink } from './line-framed-sink.js';
import { headedLines, jsonLines, type JsonFields, type LineRenderer } from './line-renderers.js';
import { RotatingFileWriter } from './rotating-file-writer.js';
import type { WriterStats } from './rotating-file-writer.js';
import type { ByteSink, DebugOutputCopy, ForwardTargets } from './sinks.js';
import { describeWriterReport } from './writer-reports.js';

/** `stdout_logfile=`: AUTO, NONE, or a path (relative ones resolve against the daemon's cwd). */
export type LogTarget =
  | { readonly kind: 'auto' }
  | { readonly kind: 'none' }
  | { readonly kind: 'path'; readonly path: string };

export interface ChannelLogOptions {
  readonly logfile: LogTarget;
  readonly maxBytes: number;
  readonly backups: number;
  readonly eventsEnabled: boolean;
  /** *_capture_maxbytes: > 0 turns on capture mode (PROCESS_COMMUNICATION events) */
  readonly captureMaxBytes?: number;
  /** *_forward: copy the output, line by line with a `[name] ` prefix, to the daemon's own */
  readonly forward?: boolean;
  /** *_syslog: send each line to syslog as `<process name> <line>` */
  readonly syslog?: boolean;
}

export interface ProcessLogsOptions {
  readonly processName: string;
  readonly groupName: string;
  /** the [program:x] name, for log_format=json (default: the process name) */
  readonly programName?: string;
  /** how the log files (and the forwarded copy) are written (default raw) */
  readonly logFormat?: LogFormat;
  readonly identifier: string;
  readonly childLogDir: string;
  readonly stdout: ChannelLogOptions;
  /** ignored when redirectStderr */
  readonly stderr: ChannelLogOptions;
  readonly redirectStderr: boolean;
  readonly stripAnsi: boolean;
  /** bytes each log file may queue before the child's pipe is paused (default 1 MiB) */
  readonly highWaterMark?: number;
}

export interface ProcessLogsDeps {
  readonly fs: FileSystem;
  /** the main log: where unwritable log files are reported */
  readonly logger: DaemonLogger;
  /** the main log's debug copy, only when loglevel is debug or lower */
  readonly debugCopy: DebugOutputCopy | null;
  /** where PROCESS_LOG and PROCESS_COMMUNICATION events go (only for channels that emit them) */
  readonly events: LogEventPublisher;
  /** stamps, the delay of unfinished lines, retry pacing */
  readonly clock: Pick<Clock, 'monotonicMs' | 'wallMs' | 'setTimer'>;
  /** the daemon's stdout and stderr, for channels that forward (null: nothing forwards) */
  readonly forwardTo?: ForwardTargets | null;
  /** where *_syslog lines go, whole lines each (null: nowhere) */
  readonly syslog?: ByteSink | null;
  /** uniform in [0, 1), for AUTO names (default Math.random) */
  readonly random?: () => number;
}

export type ClearResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

const DEFAULT_HIGH_WATER_MARK = 1024 * 1024;
const RETRY_INTERVAL_MS = 5_000;
/** created with 0666 minus the daemon's umask, as supervisord's open() does */
const PATH_PERMISSIONS = 0o666;

export class ProcessLogs implements ProcessOutput {
  private readonly pumps = new Set<Promise<void>>();
  private attached = false;

  readonly stdoutPath: string | null;
  readonly stderrPath: string | null;

  constructor(
    private readonly stdout: ChannelRecorder,
    private readonly stderr: ChannelRecorder | null,
    private readonly stripAnsi: boolean,
  ) {
    this.stdoutPath = stdout.writer?.path ?? null;
    this.stderrPath = stderr?.writer?.path ?? null;
  }

  attach(child: ChildHandle): void {
    // supervisord opens the log files at every spawn: a log deleted while the process was down
    // is created again.
    for (const writer of this.writers()) {
      void writer.reopen();
    }
    this.attached = true;
    if (child.stdout !== null) {
      this.pump(child.stdout, this.stdout, child.pid);
    }
    if (child.stderr !== null) {
      this.pump(child.stderr, this.stderr ?? this.stdout, child.pid);
    }
  }

  /**
   * Record output that was read elsewhere (an event listener's stdout, read by its protocol
   * handler). False: stop reading until `onceWritable`.
   */
  record(channel: OutputChannel, data: Uint8Array, pid: number): boolean {
    return this.recorder(channel).record(data, pid);
  }

  onceWritable(channel: OutputChannel, callback: () => void): void {
    this.recorder(channel).onceWritable(callback);
  }

  /**
   * Counters of a channel's own log file (bytes written, dropped, rotations, peak buffering);
   * null when it has none (NONE, or stderr redirected to stdout's).
   */
  fileStats(channel: OutputChannel): WriterStats | null {
    const recorder = channel === 'stdout' ? this.stdout : this.stderr;
    return recorder?.writer?.stats ?? null;
  }

  /** SIGUSR2: reopen both files by name (after logrotate moved them). */
  async reopen(): Promise<void> {
    // Like supervisord, a process that never ran has no open logs to reopen.
    if (this.attached) {
      await Promise.all(this.writers().map((w) => w.reopen()));
    }
  }

  /** clearProcessLogs: delete and recreate the current files; backups stay. */
  async clear(): Promise<ClearResult> {
    if (!this.attached) {
      return { ok: true };
    }
    const outcomes = await Promise.all(this.writers().map((w) => w.clear()));
    const failed = outcomes.find((o): o is Extract<FsOutcome<undefined>, { ok: false }> => !o.ok);
    return failed === undefined ? { ok: true } : { ok: false, message: failed.error.message };
  }

  /** Resolves when every attached child's pipes have reached EOF and their bytes are written. */
  async drained(): Promise<void> {
    while (this.pumps.size > 0) {
      await Promise.all(this.pumps);
    }
    await Promise.all(this.writers().map((w) => w.flush()));
  }

  /** Waits for the pipes to end (a child's daemonized grandchild can keep them open: race this). */
  async close(): Promise<void> {
    await this.drained();
    // An event listener's stdout is read by its protocol handler, not pumped here: finish it too.
    this.stdout.end();
    this.stderr?.end();
    await Promise.all(this.writers().map((w) => w.close()));
  }

  private pump(stream: NonNullable<ChildHandle['stdout']>, to: ChannelRecorder, pid: number): void {
    const stripper = this.stripAnsi ? new AnsiStripper() : null;
    const target = to.captureMaxBytes > 0 ? new CapturingTarget(to) : to;
    const done = pumpToEnd(stream, target, pid, stripper).then(() => {
      this.pumps.delete(done);
    });
    this.pumps.add(done);
  }

  private recorder(channel: OutputChannel): ChannelRecorder {
    return channel === 'stderr' && this.stderr !== null ? this.stderr : this.stdout;
  }

  private writers(): RotatingFileWriter[] {
    const writers: RotatingFileWriter[] = [];
    for (const recorder of [this.stdout, this.stderr]) {
      if (recorder?.writer != null) {
        writers.push(recorder.writer);
      }
    }
    return writers;
  }
}

/**
 * Build a process's output. AUTO files are created now (O_EXCL, mode 0600), like supervisord does
 * when it creates the group; path files are opened when a child is first attached. Never throws:
 * an uncreatable file is reported to the main log and retried on reopen.
 */
export const createProcessLogs = async (
  options: ProcessLogsOptions,
  deps: ProcessLogsDeps,
): Promise<ProcessLogs> => {
  const format = options.logFormat ?? 'raw';
  const framed = (renderer: LineRenderer, target: ByteSink): LineFramedSink =>
    new LineFramedSink(new LineFormatter(renderer), target, deps.clock);
  const makeChannel = async (
    channel: OutputChannel,
    settings: ChannelLogOptions,
  ): Promise<ChannelRecorder> => {
    const writer = await makeWriter(options, deps, channel, settings);
    const forwardTo = settings.forward === true ? (deps.forwardTo?.[channel] ?? null) : null;
    const syslog = settings.syslog === true ? (deps.syslog ?? null) : null;
    const fields = {
      program: options.programName ?? options.processName,
      process: makeNamespec(options.groupName, options.processName),
      stream: channel,
    };
    const copies: LineFramedSink[] = [];
    if (forwardTo !== null) {
      copies.push(framed(forwardRenderer(format, fields), forwardTo));
    }
    if (syslog !== null) {
      copies.push(framed(syslogRenderer(options.processName), syslog));
    }
    return new ChannelRecorder({
      processName: options.processName,
      groupName: options.groupName,
      channel,
      writer,
      framedFile:
        writer === null || format === 'raw' ? null : framed(fileRenderer(format, fields), writer),
      copies,
      debugCopy: deps.debugCopy,
      events: settings.eventsEnabled ? deps.events : null,
      captureMaxBytes: settings.captureMaxBytes ?? 0,
      communications: (settings.captureMaxBytes ?? 0) > 0 ? deps.events : null,
    });
  };
  const stdout = await makeChannel('stdout', options.stdout);
  const stderr = options.redirectStderr ? null : await makeChannel('stderr', options.stderr);
  return new ProcessLogs(stdout, stderr, options.stripAnsi);
};

/** The log file's renderer for a format other than raw. */
const fileRenderer = (format: Exclude<LogFormat, 'raw'>, fields: JsonFields): LineRenderer =>
  format === 'json'
    ? jsonLines(fields)
    : headedLines({ prefix: '', stamped: true, endPartials: false });

/** Forwarded lines: `[name] ` before the file's form of the line; JSON objects name the process. */
const forwardRenderer = (format: LogFormat, fields: JsonFields): LineRenderer =>
  format === 'json'
    ? jsonLines(fields)
    : headedLines({
        prefix: `[${fields.process}] `,
        stamped: format === 'timestamped',
        endPartials: true,
      });

/** supervisord's syslog lines: `<process name> <line>`, the program's bytes as written. */
const syslogRenderer = (processName: string): LineRenderer =>
  headedLines({ prefix: `${processName} `, stamped: false, endPartials: true });

const makeWriter = async (
  options: ProcessLogsOptions,
  deps: ProcessLogsDeps,
  channel: OutputChannel,
  settings: ChannelLogOptions,
): Promise<RotatingFileWriter | null> => {
  const target = settings.logfile;
  if (target.kind === 'none') {
    return null;
  }
  const writerFor = (path: string, permissions: number): RotatingFileWriter =>
    new RotatingFileWriter(
      {
        fs: deps.fs,
        monotonicMs: () => deps.clock.monotonicMs(),
        report: (report) => {
          const { level, message } = describeWriterReport(report);
          deps.logger.log(level, message);
        },
      },
      {
        path,
        maxBytes: settings.maxBytes,
        backups: settings.backups,
        permissions,
        highWaterMark: options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK,
        retryIntervalMs: RETRY_INTERVAL_MS,
        lineAligned: (options.logFormat ?? 'raw') !== 'raw',
      },
    );
  if (target.kind === 'path') {
    return writerFor(target.path, PATH_PERMISSIONS);
  }
  const random = deps.random ?? Math.random;
  const created = await createAutoLog(deps.fs, options.childLogDir, () =>
    autoLogName(options.processName, channel, options.identifier, randomNamePart(random)),
  );
  if (!created.ok) {
    deps.logger.log(
      'error',
      `could not create AUTO log file '${created.path}': ${created.error.message}`,
    );
  }
  return writerFor(created.path, 0o600);
};
