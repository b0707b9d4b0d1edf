// A DaemonLogger that keeps every line in memory so tests can assert exact main-log texts.

import type { LogLevel } from '../../src/model/log-level.js';
import type { DaemonLogger } from '../../src/ports/logger.js';

export interface LoggedLine {
  readonly level: LogLevel;
  readonly message: string;
}

export class MemoryLogger implements DaemonLogger {
  readonly lines: LoggedLine[] = [];

  log(level: LogLevel, message: string): void {
    this.lines.push({ level, message });
  }

  isEnabled(): boolean {
    return true;
  }

  /** `LEVEL message` strings, the easiest shape to compare with toEqual. */
  get texts(): string[] {
    return this.lines.map((l) => `${l.level.toUpperCase()} ${l.message}`);
  }

  /** Lines at info level and above, without the debug chatter. */
  get notable(): string[] {
    return this.lines
      .filter((l) => l.level !== 'debug' && l.level !== 'trace' && l.level !== 'blather')
      .map((l) => `${l.level.toUpperCase()} ${l.message}`);
  }

  clear(): void {
    this.lines.length = 0;
  }
}
