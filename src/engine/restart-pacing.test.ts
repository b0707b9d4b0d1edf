import { describe, expect, it } from 'vitest';

import type { RestartPacing } from '../config/types.js';
import { backoffDelayMs, isPaced, restartDelayMs } from './restart-pacing.js';

const pacing = (delayMs: number, backoffMaxMs: number): RestartPacing => ({
  delayMs,
  backoffMaxMs,
  resetMs: 600_000,
  retryForever: false,
});

describe('restart pacing delays', () => {
  it('none set: supervisord (restart at once, retry n after n s)', () => {
    expect(isPaced(pacing(0, 0))).toBe(false);
    expect([1, 2, 5].map((n) => restartDelayMs(pacing(0, 0), n))).toEqual([0, 0, 0]);
    expect([1, 2, 5].map((n) => backoffDelayMs(pacing(0, 0), n))).toEqual([1000, 2000, 5000]);
  });

  it('restart_delay alone: the same delay every time', () => {
    expect([1, 2, 9].map((n) => restartDelayMs(pacing(3000, 0), n))).toEqual([3000, 3000, 3000]);
  });

  it('with a cap: doubling from restart_delay (1 s when 0), first restart after a calm run at restart_delay', () => {
    expect([1, 2, 3, 4, 5].map((n) => restartDelayMs(pacing(300, 1200), n))).toEqual([
      300, 600, 1200, 1200, 1200,
    ]);
    expect([1, 2, 3, 4].map((n) => restartDelayMs(pacing(0, 5000), n))).toEqual([
      0, 2000, 4000, 5000,
    ]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(pacing(0, 5000), n))).toEqual([
      1000, 2000, 4000, 5000,
    ]);
    expect(restartDelayMs(pacing(1000, 300_000), 500)).toBe(300_000);
  });
});
