// The daemon-log port: what the engine and servers write to supervisord's main log.

import type { LogLevel } from '../model/log-level.js';

export interface DaemonLogger {
  log(level: LogLevel, message: string): void;
  /** False when the configured loglevel would drop this level: skip building costly messages. */
  isEnabled(level: LogLevel): boolean;
}
