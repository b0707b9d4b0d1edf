// Converters for the restart triggers (ours: supervisord ignores the keys): restart_on_memory,
// restart_on_cron, watch, watch_ignore, watch_debounce. Option text → value, or InvalidValue.

import { type CronSchedule, parseCron } from './cron-schedule.js';
import { InvalidValue, pyStrip } from './python-str.js';
import { toSecondsMs } from './readiness-values.js';
import { toByteSize } from './values.js';
import type { Converter } from './values.js';

/** `512MB` (supervisord's byte sizes: KB, MB, GB); 0 is off. */
export const toMemoryLimit: Converter<number> = (raw, ctx) => {
  let bytes: number;
  try {
    bytes = toByteSize(pyStrip(raw), ctx);
  } catch {
    throw new InvalidValue(`invalid restart_on_memory '${raw}': use a size such as 512MB or 2GB`);
  }
  if (bytes < 0) {
    throw new InvalidValue(`invalid restart_on_memory '${raw}': a size cannot be negative`);
  }
  return bytes;
};

/** Five cron fields or a macro; empty is off. */
export const toCronSchedule = (raw: string): CronSchedule | null =>
  pyStrip(raw) === '' ? null : parseCron(raw);

/** `A, B, C` → the non-empty items, trimmed. */
export const toCommaList = (raw: string): string[] =>
  raw
    .split(',')
    .map(pyStrip)
    .filter((item) => item !== '');

/** watch_debounce: seconds of quiet after the last change before the restart; more than 0. */
export const toDebounceMs = (raw: string): number => {
  const ms = toSecondsMs(raw);
  if (ms <= 0) {
    throw new InvalidValue(`invalid watch_debounce '${raw}': use a number of seconds above 0`);
  }
  return ms;
};
