import { expect, it } from 'vitest';

import { retryDelayMs } from './retry-delay.js';

it('retries quickly at first, then at most every 5 s', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([
    250, 500, 1000, 2000, 4000, 5000, 5000, 5000,
  ]);
});
