import { describe, expect, it } from 'vitest';

import { formatLine, formatTimestamp, levelPasses } from './log-line-format.js';

// Built from local components, so the test holds in any time zone.
const at = new Date(2024, 4, 1, 3, 4, 5, 7).getTime();

describe('main log line format', () => {
  it('formats local time with comma milliseconds', () => {
    expect(formatTimestamp(at)).toBe('2024-05-01 03:04:05,007');
  });

  it('writes `timestamp LEVL message` and keeps multi-line messages as they are', () => {
    expect(formatLine(at, 'info', 'spawned: ok')).toBe(
      '2024-05-01 03:04:05,007 INFO spawned: ok\n',
    );
    expect(formatLine(at, 'critical', 'a')).toContain(' CRIT a\n');
    expect(formatLine(at, 'error', 'a')).toContain(' ERRO a\n');
    expect(formatLine(at, 'warn', 'a')).toContain(' WARN a\n');
    expect(formatLine(at, 'debug', 'x:\ny\n')).toBe('2024-05-01 03:04:05,007 DEBG x:\ny\n\n');
    expect(formatLine(at, 'trace', 'a')).toContain(' TRAC a\n');
    expect(formatLine(at, 'blather', 'a')).toContain(' BLAT a\n');
  });

  it('passes records at or above the configured level', () => {
    expect(levelPasses('info', 'info')).toBe(true);
    expect(levelPasses('warn', 'info')).toBe(true);
    expect(levelPasses('debug', 'info')).toBe(false);
    expect(levelPasses('blather', 'trace')).toBe(false);
    expect(levelPasses('trace', 'blather')).toBe(true);
  });
});
