import { describe, expect, it } from 'vitest';

import { inTimeZone } from '../../test/helpers/time-zone.js';

import { parseCron } from '../config/cron-schedule.js';
import { localMinuteText, nextCronFire } from './cron-next.js';

const local = (y: number, mo: number, d: number, hm: readonly number[] = []): number =>
  new Date(y, mo - 1, d, hm[0] ?? 0, hm[1] ?? 0, hm[2] ?? 0).getTime();

const next = (text: string, after: number): string => {
  const at = nextCronFire(parseCron(text), after);
  return at === null ? 'never' : localMinuteText(at);
};

describe('nextCronFire (local time)', () => {
  inTimeZone('Europe/Berlin');

  it('fires later today, or tomorrow once the time has passed', () => {
    expect(next('0 4 * * *', local(2026, 12, 5, [3, 59, 30]))).toBe('2026-12-05 04:00');
    expect(next('0 4 * * *', local(2026, 12, 5, [4, 0, 0]))).toBe('2026-12-06 04:00');
    expect(next('0 4 * * *', local(2026, 12, 5, [12]))).toBe('2026-12-06 04:00');
  });

  it('is strictly after the moment, on whole minutes', () => {
    expect(next('* * * * *', local(2026, 1, 1, [10, 15, 0]))).toBe('2026-01-01 10:16');
    expect(next('* * * * *', local(2026, 1, 1, [10, 15, 59]))).toBe('2026-01-01 10:16');
  });

  it('steps and ranges', () => {
    expect(next('*/15 9-17 * * *', local(2026, 3, 2, [17, 46]))).toBe('2026-03-03 09:00');
    expect(next('*/15 9-17 * * *', local(2026, 3, 2, [9, 1]))).toBe('2026-03-02 09:15');
  });

  it('weekdays: 2026-12-05 is a Saturday', () => {
    expect(next('30 8 * * mon-fri', local(2026, 12, 5, [12]))).toBe('2026-12-07 08:30');
    expect(next('0 0 * * 0', local(2026, 12, 5, [12]))).toBe('2026-12-06 00:00');
  });

  it('both day fields restricted: either one fires (cron semantics)', () => {
    // the 15th, or any Monday
    expect(next('0 12 15 * 1', local(2026, 12, 5))).toBe('2026-12-07 12:00');
    expect(next('0 12 15 * 1', local(2026, 12, 14, [13]))).toBe('2026-12-15 12:00');
  });

  it('crosses months and years; 31st only in long months; 29 February in a leap year', () => {
    expect(next('0 0 31 * *', local(2026, 4, 1))).toBe('2026-05-31 00:00');
    expect(next('@yearly', local(2026, 12, 31, [23, 59]))).toBe('2027-01-01 00:00');
    expect(next('0 0 29 2 *', local(2026, 3, 1))).toBe('2028-02-29 00:00');
  });

  it.each(['*/7 */5 * * *', '0 0 1,15 * *', '5 4 * * sun', '0 12 13 * 5', '15 10 * 2-3 *'])(
    '%s agrees with a minute-by-minute search',
    (text) => {
      const schedule = parseCron(text);
      const matches = (ms: number): boolean => {
        const at = new Date(ms);
        const day = schedule.days.includes(at.getDate());
        const weekday = schedule.weekdays.includes(at.getDay());
        return (
          schedule.minutes.includes(at.getMinutes()) &&
          schedule.hours.includes(at.getHours()) &&
          schedule.months.includes(at.getMonth() + 1) &&
          (schedule.daysRestricted && schedule.weekdaysRestricted ? day || weekday : day && weekday)
        );
      };
      let after = local(2026, 1, 28, [7, 3, 20]);
      for (let i = 0; i < 20; i++) {
        const found = nextCronFire(schedule, after) ?? 0;
        let slow = Math.floor(after / 60_000) * 60_000 + 60_000;
        while (!matches(slow)) {
          slow += 60_000;
        }
        expect(localMinuteText(found)).toBe(localMinuteText(slow));
        after = found;
      }
    },
  );

  it('a time a DST change skips does not fire that day (Berlin springs forward at 02:00)', () => {
    expect(next('30 2 * * *', local(2026, 3, 28, [12]))).toBe('2026-03-30 02:30');
  });

  it('a repeated DST hour fires once (Berlin falls back at 03:00 on 25 October 2026)', () => {
    const first = nextCronFire(parseCron('30 2 * * *'), local(2026, 10, 25, [0]));
    expect(first).not.toBeNull();
    const second = nextCronFire(parseCron('30 2 * * *'), first ?? 0);
    expect(localMinuteText(second ?? 0)).toBe('2026-10-26 02:30');
  });
});
