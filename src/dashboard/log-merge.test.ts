import { describe, expect, it } from 'vitest';

import { createLineTagger, leadingTimestamp, mergeTails } from './log-merge.js';

describe('a timestamp the program wrote', () => {
  it.each([
    ['2024-05-01 12:00:00 started', '2024-05-01 12:00:00'],
    ['2024-05-01T12:00:00.123Z GET /', '2024-05-01T12:00:00.123Z'],
    ['[2024-05-01 12:00:00 +0000] [42] [INFO] Booting worker', '[2024-05-01 12:00:00 +0000]'],
    ['2024-05-01 12:00:00,123 INFO app: ready', '2024-05-01 12:00:00,123'],
  ])('%s', (line, stamp) => {
    expect(leadingTimestamp(line)?.length).toBe(stamp.length);
  });

  it('is only at the start of the line', () => {
    expect(leadingTimestamp('tick 3 at 2024-05-01 12:00:00')).toBeNull();
    expect(leadingTimestamp('12:00:00 no date')).toBeNull();
  });

  it('sorts as the times do, fractions included', () => {
    const keys = ['2024-05-01 12:00:00.5 a', '2024-05-01 12:00:00.25 b', '2024-05-01 11:59:59 c']
      .map((l) => leadingTimestamp(l)?.key ?? '')
      .sort();
    expect(keys.map((k) => k.slice(11))).toEqual([
      '11:59:59.000000000',
      '12:00:00.250000000',
      '12:00:00.500000000',
    ]);
  });
});

describe('stdout and stderr in one', () => {
  it('merges the tails by time when both streams have times', () => {
    expect(
      mergeTails(
        '2024-05-01 12:00:01 a\n  continued\n2024-05-01 12:00:04 d\n',
        '2024-05-01 12:00:02 b\n2024-05-01 12:00:03 c',
      ),
    ).toBe(
      [
        'out│ 2024-05-01 12:00:01 a',
        'out│   continued',
        'err│ 2024-05-01 12:00:02 b',
        'err│ 2024-05-01 12:00:03 c',
        'out│ 2024-05-01 12:00:04 d',
        '',
      ].join('\n'),
    );
  });

  it('without times: stdout’s tail, then stderr’s', () => {
    expect(mergeTails('a\nb\n', 'x\n')).toBe('out│ a\nout│ b\nerr│ x\n');
    expect(mergeTails('', '')).toBe('');
  });

  it('tags whole lines only, keeping a partial one until its newline', () => {
    const tagger = createLineTagger('stderr');
    expect(tagger.push('one\ntw')).toBe('err│ one\n');
    expect(tagger.push('o')).toBe('');
    expect(tagger.push('\n')).toBe('err│ two\n');
  });
});
