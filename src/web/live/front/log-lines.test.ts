import { describe, expect, it } from 'vitest';

import { allLines, appendLogText, highlightRuns, matchingLines, NO_LINES } from './log-lines.js';

describe('log lines', () => {
  it('join chunks that end mid-line and keep the unfinished line last', () => {
    let log = appendLogText(NO_LINES, 'one\ntw', 10);
    log = appendLogText(log, 'o\nthr', 10);
    expect(log).toEqual({ lines: ['one', 'two'], partial: 'thr' });
    expect(allLines(log)).toEqual(['one', 'two', 'thr']);
    expect(allLines(appendLogText(log, 'ee\n', 10))).toEqual(['one', 'two', 'three']);
  });

  it('keep only the newest lines', () => {
    const log = appendLogText(NO_LINES, 'a\nb\nc\nd\n', 2);
    expect(log.lines).toEqual(['c', 'd']);
  });

  it('find the lines containing the search, ignoring case', () => {
    expect(matchingLines(['GET /a', 'post /b', 'get /c'], 'GET')).toEqual(['GET /a', 'get /c']);
    expect(matchingLines(['x'], '')).toEqual(['x']);
  });

  it('cut a line into runs around every match', () => {
    expect(highlightRuns('a<b>A', 'a')).toEqual([
      { text: 'a', match: true },
      { text: '<b>', match: false },
      { text: 'A', match: true },
    ]);
    expect(highlightRuns('plain', '')).toEqual([{ text: 'plain', match: false }]);
  });
});
