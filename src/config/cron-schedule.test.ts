import { describe, expect, it } from 'vitest';

import { parseCron } from './cron-schedule.js';

describe('parseCron', () => {
  it('reads every field: values, *, ranges, steps, lists', () => {
    const s = parseCron('0,30 9-17/4 1-7 */3 *');
    expect(s.minutes).toEqual([0, 30]);
    expect(s.hours).toEqual([9, 13, 17]);
    expect(s.days).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.months).toEqual([1, 4, 7, 10]);
    expect(s.weekdays).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(s.daysRestricted).toBe(true);
    expect(s.weekdaysRestricted).toBe(false);
  });

  it('reads month and weekday names in any case; 7 is Sunday', () => {
    const s = parseCron('0 4 * JAN,jun-Aug sat-7');
    expect(s.months).toEqual([1, 6, 7, 8]);
    expect(s.weekdays).toEqual([0, 6]);
    expect(parseCron('0 4 * * mon-fri').weekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it('a single value with a step runs to the end of the field', () => {
    expect(parseCron('5/20 * * * *').minutes).toEqual([5, 25, 45]);
  });

  it('*/N in a day field is not a restriction (cron reads the leading *)', () => {
    const s = parseCron('0 0 */2 * 1');
    expect(s.daysRestricted).toBe(false);
    expect(s.weekdaysRestricted).toBe(true);
  });

  it('expands the macros', () => {
    expect(parseCron('@daily')).toMatchObject({ minutes: [0], hours: [0], text: '@daily' });
    expect(parseCron(' @hourly ').hours).toHaveLength(24);
    expect(parseCron('@weekly').weekdays).toEqual([0]);
    expect(parseCron('@yearly')).toMatchObject({ days: [1], months: [1] });
  });

  it.each([
    ['0 4 * *', 'use MINUTE HOUR DAY MONTH WEEKDAY'],
    ['0 4 * * * *', 'use MINUTE HOUR DAY MONTH WEEKDAY'],
    ['60 4 * * *', "invalid minute '60'"],
    ['0 24 * * *', "invalid hour '24'"],
    ['0 4 0 * *', "invalid day of month '0'"],
    ['0 4 * 13 *', "invalid month '13'"],
    ['0 4 * * 8', "invalid day of week '8'"],
    ['0 4 * foo *', "invalid month 'foo'"],
    ['0 4 * * */0', "invalid step '0'"],
    ['0 17-9 * * *', "invalid hour range '17-9'"],
    ['0 1-2-3 * * *', "invalid hour '1-2-3'"],
    ['0 4 ,1 * *', "invalid day of month ''"],
    ['0 0 30 2 *', 'never fires'],
    ['@sometimes', 'use MINUTE HOUR'],
  ])('refuses %j', (text, message) => {
    expect(() => parseCron(text)).toThrow(message);
  });

  it('February 29 is a day that exists', () => {
    expect(parseCron('0 0 29 2 *').days).toEqual([29]);
  });
});
