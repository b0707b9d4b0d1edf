// Everything one channel (stdout or stderr) of one process does with a chunk of output: the log
// file (raw, or framed into lines by log_format), the line-framed copies (forwarded to the
// daemon's own output, syslog), the main log's debug copy and PROCESS_LOG events, with their
// backpressure. Chunks are lent (views of the pipe reader's buffer): each part copies what it keeps.

import type { EventBus } from '../events/event-bus.js';
import type { OutputChannel } from '../model/events.js';
import type { LineFramedSink } from './line-framed-sink.js';
import type { RotatingFileWriter } from './rotating-file-writer.js';
import type { DebugOutputCopy, Drainable } from './sinks.js';

export type LogEventPublisher = Pick<EventBus, 'publish' | 'hasSubscribers'>;

export interface ChannelParts {
  readonly processName: string;
  readonly groupName: string;
  readonly channel: OutputChannel;
  /** null for NONE */
  readonly writer: RotatingFileWriter | null;
  /** log_format other than raw: the writer behind a line framer, which output goes through */
  readonly framedFile?: LineFramedSink | null;
  /** line-framed copies: *_forward's on the daemon's stdout/stderr, *_syslog's */
  readonly copies?: readonly LineFramedSink[];
  /** set when loglevel=debug */
  readonly debugCopy: DebugOutputCopy | null;
  /** set only when *_events_enabled, so a disabled channel never builds an event */
  readonly events: LogEventPublisher | null;
  /** *_capture_maxbytes (0: no capture mode) */
  readonly captureMaxBytes?: number;
  /** where PROCESS_COMMUNICATION events go; set when captureMaxBytes > 0 */
  readonly communications?: LogEventPublisher | null;
}

export class ChannelRecorder {
  constructor(private readonly parts: ChannelParts) {}

  get writer(): RotatingFileWriter | null {
    return this.parts.writer;
  }

  get captureMaxBytes(): number {
    return this.parts.captureMaxBytes ?? 0;
  }

  /**
   * One chunk (lent for the call), already ANSI-stripped if configured, from the child with
   * `pid`. False when a sink is full: the caller stops reading until onceWritable fires.
   */
  record(data: Uint8Array, pid: number): boolean {
    const { writer, framedFile, copies = [], debugCopy, processName, channel } = this.parts;
    let more = writer === null || (framedFile ?? writer).write(data);
    for (const copy of copies) {
      more = copy.write(data) && more;
    }
    if (debugCopy !== null && !debugCopy.copyChildOutput(processName, channel, data)) {
      more = false;
    }
    this.publishLog(data, pid);
    return more;
  }

  /**
   * Text inside capture tokens: supervisord keeps it out of the log file but still copies it to
   * the debug log and PROCESS_LOG events.
   */
  recordCaptured(data: Uint8Array, pid: number): boolean {
    const { debugCopy, processName, channel } = this.parts;
    const more = debugCopy === null || debugCopy.copyChildOutput(processName, channel, data);
    this.publishLog(data, pid);
    return more;
  }

  /** A completed capture: one PROCESS_COMMUNICATION_STDOUT/STDERR event. */
  communicate(data: Uint8Array, pid: number): void {
    const { communications, processName, groupName, channel } = this.parts;
    communications?.publish({
      type: 'PROCESS_COMMUNICATION',
      channel,
      processName,
      groupName,
      pid,
      data,
    });
  }

  private publishLog(data: Uint8Array, pid: number): void {
    const { events, processName, groupName, channel } = this.parts;
    if (events !== null && events.hasSubscribers('PROCESS_LOG')) {
      // The event waits in the listeners' queue: its own copy of the lent chunk.
      const copy = Buffer.from(data);
      events.publish({ type: 'PROCESS_LOG', channel, processName, groupName, pid, data: copy });
    }
  }

  /** The pipe reached EOF: finish a held unfinished line (log_format, forwarding, syslog). */
  end(): void {
    this.parts.framedFile?.end();
    for (const copy of this.parts.copies ?? []) {
      copy.end();
    }
  }

  /** Call `callback` once the file, the copies and the debug copy all accept data again. */
  onceWritable(callback: () => void): void {
    const { writer, copies = [], debugCopy } = this.parts;
    const sinks: Drainable[] = [];
    for (const sink of [writer, ...copies, debugCopy]) {
      if (sink != null) {
        sinks.push(sink);
      }
    }
    const next = (i: number): void => {
      const sink = sinks[i];
      if (sink === undefined) {
        callback();
      } else {
        sink.onceDrained(() => next(i + 1));
      }
    };
    next(0);
  }
}
