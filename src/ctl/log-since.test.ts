import { describe, expect, it } from 'vitest';

import { lineTimeMs, linesSince, parseSince } from './log-since.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

describe('parseSince', () => {
  it('reads durations back from now, units combined', () => {
    const cases: [string, number][] = [
      ['90s', 90_000],
      ['10m', 600_000],
      ['2h', 7_200_000],
      ['1d', 86_400_000],
      ['1h30m', 5_400_000],
      ['1.5h', 5_400_000],
      ['250ms', 250],
    ];
    for (const [text, back] of cases) {
      expect(parseSince(text, NOW)).toEqual({ ok: true, fromMs: NOW - back });
    }
  });

  it('reads ISO-8601 times: with Z or an offset exactly, without one in local time', () => {
    expect(parseSince('2026-12-05T10:00:00Z', NOW)).toEqual({
      ok: true,
      fromMs: Date.UTC(2026, 11, 5, 10),
    });
    expect(parseSince('2026-12-05T10:00:00.250+02:00', NOW)).toEqual({
      ok: true,
      fromMs: Date.UTC(2026, 11, 5, 8, 0, 0, 250),
    });
    expect(parseSince('2026-12-05T10:00-0130', NOW)).toEqual({
      ok: true,
      fromMs: Date.UTC(2026, 11, 5, 11, 30),
    });
    expect(parseSince('2026-12-05T10:00', NOW)).toEqual({
      ok: true,
      fromMs: new Date(2026, 11, 5, 10, 0).getTime(),
    });
    expect(parseSince('2026-12-05 10:00:30', NOW)).toEqual({
      ok: true,
      fromMs: new Date(2026, 11, 5, 10, 0, 30).getTime(),
    });
    expect(parseSince('2026-12-05', NOW)).toEqual({
      ok: true,
      fromMs: new Date(2026, 11, 5).getTime(),
    });
  });

  it('refuses anything else, saying what it takes', () => {
    for (const bad of [
      '',
      '10',
      'm',
      '10x',
      'yesterday',
      '2026-02-30',
      '2026-13-01',
      '2026-12-05T25:00',
      '-5m',
    ]) {
      const parsed = parseSince(bad, NOW);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.message).toContain(`bad --since value '${bad}'`);
        expect(parsed.message).toContain('10m');
      }
    }
  });
});

describe('lineTimeMs', () => {
  it('reads the stamp of a timestamped line and the time of a json line, nothing from a raw one', () => {
    expect(lineTimeMs('2026-12-05T13:04:05.123+01:00 hello')).toBe(
      Date.UTC(2026, 11, 5, 12, 4, 5, 123),
    );
    expect(lineTimeMs('{"time":"2026-12-05T12:04:05.123+00:00","program":"a","line":"x"}')).toBe(
      Date.UTC(2026, 11, 5, 12, 4, 5, 123),
    );
    expect(lineTimeMs('hello 2026-12-05T13:04:05.123+01:00')).toBeNull();
    expect(lineTimeMs('2026-12-05T13:04:05.123+01:00')).toBeNull();
    expect(lineTimeMs('{"time":"soon"}')).toBeNull();
  });
});

describe('linesSince', () => {
  const at = (minute: number, text: string): string =>
    `2026-12-05T12:${String(minute).padStart(2, '0')}:00.000+00:00 ${text}`;

  it('keeps the lines at or after the time, an untimed line with the line before it', () => {
    const lines = [at(1, 'old'), 'old rest', at(5, 'edge'), 'edge rest', at(9, 'new')];
    expect(linesSince(lines, Date.UTC(2026, 11, 5, 12, 5))).toEqual({
      kind: 'timed',
      lines: [at(5, 'edge'), 'edge rest', at(9, 'new')],
    });
    expect(linesSince(lines, Date.UTC(2026, 11, 5, 13))).toEqual({ kind: 'timed', lines: [] });
  });

  it('says raw when no line carries a time; an empty log is not raw', () => {
    expect(linesSince(['a', 'b'], 0)).toEqual({ kind: 'raw' });
    expect(linesSince([], 0)).toEqual({ kind: 'timed', lines: [] });
  });
});
