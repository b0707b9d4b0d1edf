// The main log's line format: `YYYY-MM-DD HH:MM:SS,mmm LEVL message\n` in local time (pure).

import { LOG_LEVELS } from '../model/log-level.js';
import type { LogLevel } from '../model/log-level.js';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** `2024-05-01 13:04:05,123` for an epoch-milliseconds instant, in the host's local time zone. */
export const formatTimestamp = (epochMs: number): string => {
  const d = new Date(epochMs);
  return (
    `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ` +
    `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())},` +
    pad3(d.getMilliseconds())
  );
};

/** The text before the message: timestamp, the four-letter level tag, one space each. */
export const linePrefix = (epochMs: number, level: LogLevel): string =>
  `${formatTimestamp(epochMs)} ${LOG_LEVELS[level].tag} `;

/** One record; multi-line messages are kept as they are, like supervisord does. */
export const formatLine = (epochMs: number, level: LogLevel, message: string): string =>
  `${linePrefix(epochMs, level)}${message}\n`;

/** supervisord writes a record when its level is at least the configured one. */
export const levelPasses = (level: LogLevel, threshold: LogLevel): boolean =>
  LOG_LEVELS[level].value >= LOG_LEVELS[threshold].value;
