import { describe, expect, it } from 'vitest';

import {
  encodeExposition,
  escapeHelp,
  escapeLabelValue,
  formatValue,
  Labels,
} from './exposition.js';

describe('the text exposition format', () => {
  it('writes HELP, TYPE and the samples of each family, with a final line feed', () => {
    const web = Labels.of([
      ['name', 'web'],
      ['group', 'web'],
    ]);
    expect(
      encodeExposition([
        {
          name: 'up',
          help: 'Is it up.',
          type: 'gauge',
          samples: [{ labels: Labels.none, value: 1 }],
        },
        {
          name: 'restarts_total',
          help: 'Restarts.',
          type: 'counter',
          samples: [
            { labels: web, value: 3 },
            { labels: web.with('channel', 'stderr'), value: 0.25 },
          ],
        },
        { name: 'nothing_yet', help: 'No samples.', type: 'untyped', samples: [] },
      ]),
    ).toBe(
      [
        '# HELP up Is it up.',
        '# TYPE up gauge',
        'up 1',
        '# HELP restarts_total Restarts.',
        '# TYPE restarts_total counter',
        'restarts_total{name="web",group="web"} 3',
        'restarts_total{name="web",group="web",channel="stderr"} 0.25',
        '# HELP nothing_yet No samples.',
        '# TYPE nothing_yet untyped',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['plain', 'plain'],
    ['a "quoted" name', 'a \\"quoted\\" name'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two\\nlines'],
    ['\\"\n', '\\\\\\"\\n'],
    ['tab\tand ünïcode', 'tab\tand ünïcode'],
  ])('escapes the label value %j as %j', (value, escaped) => {
    expect(escapeLabelValue(value)).toBe(escaped);
    expect(Labels.of([['name', value]]).text).toBe(`name="${escaped}"`);
  });

  it('escapes backslashes and line feeds in HELP, not quotes', () => {
    expect(escapeHelp('a "b" \\ c\nd')).toBe('a "b" \\\\ c\\nd');
  });

  it.each([
    [0, '0'],
    [-1, '-1'],
    [1_700_000_000, '1700000000'],
    [0.1, '0.1'],
    [1e21, '1e+21'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ])('writes the value %d as %s', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it('refuses names the format cannot carry', () => {
    expect(() =>
      encodeExposition([{ name: 'bad-name', help: '', type: 'gauge', samples: [] }]),
    ).toThrow(/invalid metric name/);
    expect(() => Labels.none.with('0x', 'v')).toThrow(/invalid label name/);
    expect(() => Labels.none.with('__reserved', 'v')).toThrow(/invalid label name/);
  });
});
