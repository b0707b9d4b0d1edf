// `logs --since`: what its value means (a duration back from now, or a date and time) and the
// time a log line carries (log_format=timestamped's leading stamp, json's "time"). Pure: the
// caller passes the current time.

export type SinceValue =
  { readonly ok: true; readonly fromMs: number } | { readonly ok: false; readonly message: string };

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** `90s`, `10m`, `2h`, `1d`, `1h30m`: the milliseconds, or null. */
const durationMs = (text: string): number | null => {
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/.test(text)) {
    return null;
  }
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    total += Number(amount) * (UNIT_MS[unit as string] as number);
  }
  return total;
};

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO-8601 date, date and time, with an offset or `Z` or in local time; null if not one. */
const dateTimeMs = (text: string): number | null => {
  const m = DATE_TIME.exec(text);
  if (m === null) {
    return null;
  }
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) =>
    Number(m[i] ?? 0),
  ) as [number, number, number, number, number, number];
  const millis = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  // Date.UTC rolls 2026-02-30 over into March: a day that does not exist is refused.
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  if (utc.getUTCDate() !== day) {
    return null;
  }
  const zone = m[8];
  if (zone === undefined) {
    return new Date(year, month - 1, day, hour, minute, second, millis).getTime();
  }
  if (zone === 'Z') {
    return utc.getTime();
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utc.getTime() - sign * offsetMinutes * 60_000;
};

/** `--since` as a time: a duration back from `nowMs`, or a date and time. */
export const parseSince = (text: string, nowMs: number): SinceValue => {
  const back = durationMs(text);
  if (back !== null) {
    return { ok: true, fromMs: nowMs - back };
  }
  const at = dateTimeMs(text);
  if (at !== null) {
    return { ok: true, fromMs: at };
  }
  return {
    ok: false,
    message:
      `Error: bad --since value '${text}': give a duration (30s, 10m, 2h, 1d, 1h30m) ` +
      'or a date and time (2026-12-05, 2026-12-05T10:00, 2026-12-05T10:00:00+01:00)',
  };
};

/** `2024-05-01T13:04:05.123+02:00 ` at the start of a log_format=timestamped line */
const STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:[+-]\d{2}:\d{2}|Z)) /;
/** `{"time":"…"` at the start of a log_format=json line */
const JSON_TIME = /^\{"time":"([^"]+)"/;

/** The time a log line carries (timestamped or json), or null (a raw line). */
export const lineTimeMs = (line: string): number | null => {
  const found = STAMP.exec(line) ?? JSON_TIME.exec(line);
  if (found === null) {
    return null;
  }
  const ms = Date.parse(found[1] as string);
  return Number.isNaN(ms) ? null : ms;
};

export type SinceLines =
  | { readonly kind: 'timed'; readonly lines: readonly string[] }
  /** no line carries a time: a raw log */
  | { readonly kind: 'raw' };

/**
 * The lines at or after `fromMs`. A line without a time of its own (the rest of a long line
 * written in parts) goes with the line before it.
 */
export const linesSince = (lines: readonly string[], fromMs: number): SinceLines => {
  let timed = false;
  let keep = false;
  const kept: string[] = [];
  for (const line of lines) {
    const at = lineTimeMs(line);
    if (at !== null) {
      timed = true;
      keep = at >= fromMs;
    }
    if (keep) {
      kept.push(line);
    }
  }
  return timed || lines.length === 0 ? { kind: 'timed', lines: kept } : { kind: 'raw' };
};
