// Searching the log pane: which lines match (ignoring case unless the query has a capital),
// where in a line, the next match older or newer than the one shown, and the scroll that
// brings a line into the middle of the view. Pure.

import { logLines, type LogPane } from './log-pane.js';
import { logWindow, maxScrollBack, rowsOf, type LogViewport } from './log-window.js';

const caseSensitive = (query: string): boolean => query !== query.toLowerCase();

/** The [start, end) string offsets of each match of `query` in `line`. */
export const matchRanges = (
  line: string,
  query: string,
): readonly (readonly [number, number])[] => {
  if (query === '') {
    return [];
  }
  const sensitive = caseSensitive(query);
  const haystack = sensitive ? line : line.toLowerCase();
  const needle = sensitive ? query : query.toLowerCase();
  const ranges: [number, number][] = [];
  for (
    let at = haystack.indexOf(needle);
    at >= 0;
    at = haystack.indexOf(needle, at + needle.length)
  ) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
};

/** The indexes (into logLines) of the lines that match. */
export const matchingLines = (lines: readonly string[], query: string): readonly number[] =>
  query === '' ? [] : lines.flatMap((line, i) => (matchRanges(line, query).length > 0 ? [i] : []));

export type SearchDirection = 'newest' | 'older' | 'newer';

/**
 * The number of the matching line to show next, or null: the newest of all, or the next one
 * older or newer than the one shown (without one, than the bottom of the view).
 */
export const findMatch = (
  pane: LogPane,
  direction: SearchDirection,
  viewport: Omit<LogViewport, 'wrap'>,
): number | null => {
  const lines = logLines(pane);
  const matches = matchingLines(lines, pane.search.query);
  const { current } = pane.search;
  const from =
    current === null
      ? logWindow(lines, pane.scrollBack, { ...viewport, wrap: pane.wrap }).end - 0.5
      : current - pane.dropped;
  const index =
    direction === 'newest'
      ? matches.at(-1)
      : direction === 'older'
        ? matches.filter((i) => i < from).at(-1)
        : matches.find((i) => i > from);
  return index === undefined ? null : index + pane.dropped;
};

/** Scrolls (and pauses) so that line `number` is in view: where it is if it is, else mid-pane. */
export const revealLine = (
  pane: LogPane,
  number: number,
  viewport: Omit<LogViewport, 'wrap'>,
): LogPane => {
  const lines = logLines(pane);
  const view = { ...viewport, wrap: pane.wrap };
  const index = number - pane.dropped;
  const window = logWindow(lines, pane.scrollBack, view);
  if (index >= window.first && index < window.end) {
    return { ...pane, follow: false };
  }
  // Half of what the pane has room for beside the line goes below it.
  const below = Math.floor((view.height - rowsOf(lines[index] ?? '', view)) / 2);
  let end = index + 1;
  let rows = 0;
  while (end < lines.length && rows + rowsOf(lines[end] ?? '', view) <= below) {
    rows += rowsOf(lines[end] ?? '', view);
    end += 1;
  }
  const scrollBack = Math.max(0, Math.min(maxScrollBack(lines, view), lines.length - end));
  return { ...pane, scrollBack, follow: false };
};

/** The search's match shown, and how many lines match: for the pane's title. */
export const searchPosition = (pane: LogPane): { readonly at: number; readonly of: number } => {
  const matches = matchingLines(logLines(pane), pane.search.query);
  const { current } = pane.search;
  return {
    at: current === null ? 0 : matches.indexOf(current - pane.dropped) + 1,
    of: matches.length,
  };
};
