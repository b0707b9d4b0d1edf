// The log-tail port: what the HTTP layer streams for `GET /logtail/<namespec>[/<channel>]` and
// `GET /mainlogtail` (supervisorctl `tail -f`, `maintail -f`). The logging layer implements it.

export type LogChannel = 'stdout' | 'stderr';

export interface LogTail {
  /** Modification time of the log file (epoch ms), for `Last-Modified`. */
  readonly modifiedMs: number;
  /**
   * The last 1024 bytes of the file, then bytes as they are appended, following rotation;
   * `==> File truncated <==\n` when the file shrinks. Ends when `signal` aborts.
   */
  follow(signal: AbortSignal): AsyncIterable<Uint8Array | string>;
}

export interface LogTailSource {
  /**
   * null when there is nothing to follow (HTTP 404): unknown group or process, no log file
   * configured for the channel, or the file does not exist (yet).
   */
  openProcessLog(namespec: string, channel: LogChannel): Promise<LogTail | null>;
  /** null when the main log is not a file or does not exist. */
  openMainLog(): Promise<LogTail | null>;
}
