import { afterEach, describe, expect, it } from 'vitest';

import { formatIsoLocal } from './iso-timestamp.js';

const savedTz = process.env['TZ'];
afterEach(() => {
  if (savedTz === undefined) {
    delete process.env['TZ'];
  } else {
    process.env['TZ'] = savedTz;
  }
});

describe('ISO-8601 local stamps', () => {
  // Built from local components, so the test holds in any time zone.
  const at = new Date(2024, 4, 1, 3, 4, 5, 7).getTime();

  it('has local date and time, milliseconds and the offset, and names the same instant', () => {
    const stamp = formatIsoLocal(at);
    expect(stamp).toMatch(/^2024-05-01T03:04:05\.007[+-]\d\d:\d\d$/);
    expect(Date.parse(stamp)).toBe(at);
  });

  it.each([
    ['UTC', '2024-01-15T12:00:00.000+00:00'],
    ['Asia/Kolkata', '2024-01-15T17:30:00.000+05:30'],
    ['America/St_Johns', '2024-01-15T08:30:00.000-03:30'],
  ])('writes the offset in %s', (tz, expected) => {
    process.env['TZ'] = tz;
    const stamp = formatIsoLocal(Date.UTC(2024, 0, 15, 12, 0, 0, 0));
    expect(stamp).toBe(expected);
    expect(stamp).toHaveLength(29);
  });
});
