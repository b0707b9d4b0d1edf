import { describe, expect, it } from 'vitest';

import { memoryOverLimit, sizeText } from './memory-limit.js';

const MB = 1024 ** 2;

describe('restart_on_memory check', () => {
  it('is quiet at or under the limit, and when there is no limit', () => {
    expect(memoryOverLimit(512 * MB, 512 * MB)).toBeNull();
    expect(memoryOverLimit(512 * MB, 100 * MB)).toBeNull();
    expect(memoryOverLimit(0, 10_000 * MB)).toBeNull();
  });

  it('gives the reason over the limit', () => {
    expect(memoryOverLimit(512 * MB, 612 * MB)).toBe('memory 612 MB > 512 MB');
    expect(memoryOverLimit(1024 * MB, 1600 * MB)).toBe('memory 1.6 GB > 1 GB');
  });

  it('never says "512 MB > 512 MB"', () => {
    expect(memoryOverLimit(512 * MB, 512 * MB + 300 * 1024)).toBe('memory 524588 KB > 524288 KB');
  });

  it('writes sizes in 1024-based units', () => {
    expect(sizeText(900 * 1024)).toBe('900 KB');
    expect(sizeText(3 * MB)).toBe('3 MB');
    expect(sizeText(2.25 * 1024 * MB)).toBe('2.3 GB');
  });
});
