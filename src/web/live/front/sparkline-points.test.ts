import { describe, expect, it } from 'vitest';

import { sparklinePoints } from './sparkline-points.js';

describe('a sparkline', () => {
  const size = { width: 30, height: 10, slots: 4 };

  it('puts the newest sample on the right, the largest at 80% of the height', () => {
    expect(sparklinePoints([5, 10], size, 1)).toBe('20,6 30,2');
  });

  it('scales to the floor when every sample is smaller (a flat line at the bottom)', () => {
    expect(sparklinePoints([0, 0, 0, 0], size, 5)).toBe('0,10 10,10 20,10 30,10');
  });

  it('draws nothing without samples', () => {
    expect(sparklinePoints([], size, 5)).toBe('');
  });
});
