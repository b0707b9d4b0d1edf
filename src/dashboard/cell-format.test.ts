import { describe, expect, it } from 'vitest';

import { formatKb, formatPercent, formatUptime, sparkline } from './cell-format.js';

describe('cell formats', () => {
  it.each([
    [0, '0:00:00'],
    [65, '0:01:05'],
    [3600 * 23 + 59 * 60 + 59, '23:59:59'],
    [86_400 * 3 + 3600 * 4 + 5 * 60, '3d 04:05'],
  ])('uptime %i s is %s', (seconds, text) => {
    expect(formatUptime(seconds)).toBe(text);
  });

  it.each([
    [512, '512K'],
    [1024, '1.0M'],
    [1536 * 1024, '1.5G'],
    [3 * 1024 ** 3, '3.0T'],
  ])('%i KiB is %s', (kb, text) => {
    expect(formatKb(kb)).toBe(text);
  });

  it('percent with one decimal', () => {
    expect(formatPercent(12.345)).toBe('12.3');
    expect(formatPercent(250)).toBe('250.0');
  });

  it('CPU sparklines are scaled to at least 100%, so noise stays low', () => {
    expect(sparkline([0, 50, 100], 5, { floor: 100 })).toBe('  ▁▅█');
    expect(sparkline([0.1, 0.3, 0.2], 3, { floor: 100 })).toBe('▁▁▁');
    expect(sparkline([100, 200], 2, { floor: 100 })).toBe('▅█');
  });

  it('memory sparklines are scaled from zero: a wobble stays flat, a leak is a ramp', () => {
    expect(sparkline([100, 150, 200], 3, { floor: 0 })).toBe('▅▆█');
    expect(sparkline([40_960, 43_008, 40_960], 3, { floor: 0 })).toBe('███');
    expect(sparkline([], 4, { floor: 0 })).toBe('    ');
    expect(sparkline([0, 0], 2, { floor: 0 })).toBe('▁▁');
    expect(sparkline([1, 2, 3, 4, 5, 6], 3, { floor: 0 })).toBe('▆▇█');
  });
});
