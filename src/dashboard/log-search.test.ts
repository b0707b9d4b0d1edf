import { describe, expect, it } from 'vitest';

import {
  appendLogText,
  emptyLogPane,
  MAX_LOG_LINES,
  replaceLogText,
  retarget,
  type LogPane,
} from './log-pane.js';
import { findMatch, matchRanges, revealLine, searchPosition } from './log-search.js';

const pane = retarget(emptyLogPane, {
  kind: 'process',
  host: '',
  namespec: 'web',
  channel: 'stdout',
});
const view = { height: 4, width: 40 };

/** Lines `line 0` … `line n-1`, every tenth also saying `error`. */
const numbered = (n: number) =>
  replaceLogText(
    pane,
    Array.from({ length: n }, (_, i) => `line ${i}${i % 10 === 5 ? ' error' : ''}\n`).join(''),
  );

const searching = (query: string, n = 50) => {
  const log = numbered(n);
  return { ...log, search: { query, editing: false, current: null } };
};

describe('log search', () => {
  it('ignores case unless the query has a capital', () => {
    expect(matchRanges('Error and error', 'error')).toEqual([
      [0, 5],
      [10, 15],
    ]);
    expect(matchRanges('Error and error', 'Error')).toEqual([[0, 5]]);
    expect(matchRanges('aaaa', 'aa')).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(matchRanges('anything', '')).toEqual([]);
  });

  it('finds the newest match, then older and newer ones from the one shown', () => {
    const log = searching('error');
    expect(findMatch(log, 'newest', view)).toBe(45);
    const at35 = { ...log, search: { ...log.search, current: 35 } };
    expect(findMatch(at35, 'older', view)).toBe(25);
    expect(findMatch(at35, 'newer', view)).toBe(45);
    const at5 = { ...log, search: { ...log.search, current: 5 } };
    expect(findMatch(at5, 'older', view)).toBeNull();
  });

  it('without a match shown, looks older from the bottom of the view', () => {
    const log = { ...searching('error'), scrollBack: 20 };
    // The view ends at line 29: the bottom line is 29, so the next older match is 25.
    expect(findMatch(log, 'older', view)).toBe(25);
    expect(findMatch(log, 'newer', view)).toBe(35);
  });

  it('brings a line into the middle of the view, and pauses there', () => {
    const log = revealLine(searching('error'), 25, view);
    expect(log.follow).toBe(false);
    // Four rows: one below the line (half of the three beside it, rounded down).
    expect(log.scrollBack).toBe(50 - 27);
    // Already in view: the view stays.
    expect(revealLine(log, 26, view).scrollBack).toBe(log.scrollBack);
  });

  it('counts the matches and where the one shown is among them', () => {
    const log = searching('error');
    expect(searchPosition(log)).toEqual({ at: 0, of: 5 });
    expect(searchPosition({ ...log, search: { ...log.search, current: 35 } })).toEqual({
      at: 4,
      of: 5,
    });
  });

  it('keeps numbering lines as old ones are let go; a match let go is no longer shown', () => {
    let log: LogPane = {
      ...searching('error', MAX_LOG_LINES),
      search: { query: 'error', editing: false, current: 5 },
    };
    log = appendLogText(log, 'one more\n');
    expect(log.dropped).toBe(1);
    expect(log.lines[0]).toBe('line 1');
    expect(log.search.current).toBe(5);
    log = appendLogText(log, 'x\n'.repeat(10));
    expect(log.search.current).toBeNull();
    expect(findMatch(log, 'newest', view)).toBe(MAX_LOG_LINES - 5);
  });
});
