// When a restart_on_cron schedule next fires (pure): the first whole minute strictly after a
// moment, in the daemon's local time. A time that a DST change skips does not fire that day; one
// that it repeats fires once.

import type { CronSchedule } from '../config/cron-schedule.js';

const MINUTE_MS = 60_000;
/** Every valid schedule fires within this (29 February comes at least once in 8 years). */
const HORIZON_YEARS = 9;

const dayMatches = (s: CronSchedule, at: Date): boolean => {
  const day = s.days.includes(at.getDate());
  const weekday = s.weekdays.includes(at.getDay());
  if (s.daysRestricted && s.weekdaysRestricted) {
    return day || weekday;
  }
  return day && weekday;
};

/** The second pass through a local time that DST sets back: it fired the first time. */
const isRepeat = (t: number): boolean => {
  const at = new Date(t);
  const hourBefore = new Date(t - 60 * MINUTE_MS);
  return at.getHours() === hourBefore.getHours() && at.getMinutes() === hourBefore.getMinutes();
};

/** Epoch ms of the next firing after `afterMs`, or null if none within the horizon. */
export const nextCronFire = (s: CronSchedule, afterMs: number): number | null => {
  let t = Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const lastYear = new Date(afterMs).getFullYear() + HORIZON_YEARS;
  for (;;) {
    const at = new Date(t);
    if (at.getFullYear() > lastYear) {
      return null;
    }
    if (!s.months.includes(at.getMonth() + 1)) {
      t = new Date(at.getFullYear(), at.getMonth() + 1, 1).getTime();
    } else if (!dayMatches(s, at)) {
      t = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1).getTime();
    } else if (!s.hours.includes(at.getHours())) {
      // Absolute steps from here on: local midnight and month starts always lie ahead, but an
      // hour rebuilt from local fields could fall back into a repeated DST hour.
      t += (60 - at.getMinutes()) * MINUTE_MS;
    } else if (!s.minutes.includes(at.getMinutes()) || isRepeat(t)) {
      t += MINUTE_MS;
    } else {
      return t;
    }
  }
};

const two = (n: number): string => String(n).padStart(2, '0');

/** `2026-12-06 04:00`, local time: how status shows the next firing. */
export const localMinuteText = (ms: number): string => {
  const at = new Date(ms);
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
};
