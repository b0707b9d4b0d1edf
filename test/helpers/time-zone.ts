// Run a test file's tests in a given time zone (TZ), restoring the previous one afterwards: local
// time (cron schedules, status texts) then means the same on every machine.

import { afterEach, beforeEach } from 'vitest';

export const inTimeZone = (tz: string): void => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env['TZ'];
    process.env['TZ'] = tz;
  });
  afterEach(() => {
    if (saved === undefined) {
      delete process.env['TZ'];
    } else {
      process.env['TZ'] = saved;
    }
  });
};
