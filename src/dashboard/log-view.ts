// The log pane as lines: a title rule naming the log and how it is doing (live, paused, wrap,
// the search), then the lines that fit, cut at the edge or wrapped, the search's matches
// highlighted (those of the match shown brighter), stream tags and the program's own leading
// timestamps dimmed. Pure.

import { hostKey } from './host-link.js';
import { leadingTimestamp, STREAM_TAGS, tagLength } from './log-merge.js';
import { logLines, type LogPane, type LogStatus } from './log-pane.js';
import { matchRanges, searchPosition } from './log-search.js';
import { logWindow } from './log-window.js';
import { fitLine, fitText, PLAIN, seg, type Line, type Segment, type Style } from './view-types.js';

const MATCH: Style = { bg: 'yellow', fg: 'black' };
const CURRENT_MATCH: Style = { bg: 'magenta', fg: 'white', bold: true };
const STDOUT_TAG: Style = { fg: 'grey' };
const STDERR_TAG: Style = { fg: 'red' };
const TIMESTAMP: Style = { fg: 'grey' };

const statusText = (status: LogStatus): string => {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'loading':
      return 'loading…';
    case 'live':
      return 'live';
    case 'unavailable':
      return status.reason;
  }
};

const titleOf = (pane: LogPane): string => {
  const target = pane.target;
  if (target === null) {
    return 'log';
  }
  if (target.kind === 'main') {
    return target.host === '' ? "daemon's main log" : `${target.host}: daemon's main log`;
  }
  const channel = target.channel === 'both' ? 'stdout+stderr' : target.channel;
  return `${hostKey(target.host, target.namespec)} ${channel}`;
};

/** Paused, or scrolled back: how far, and how to follow the end again. */
const followText = (pane: LogPane): string => {
  if (pane.follow) {
    return '';
  }
  const back = pane.scrollBack > 0 ? `↑${pane.scrollBack} lines, ` : '';
  return ` ${back}paused (F: follow)`;
};

/** `search “timeout” 3/17`, while there is a query. */
const searchText = (pane: LogPane): string => {
  const { query } = pane.search;
  if (query === '') {
    return '';
  }
  const { at, of } = searchPosition(pane);
  const where = of === 0 ? 'no match' : at === 0 ? `${of} matches` : `${at}/${of}`;
  return ` search “${query}” ${where}`;
};

export interface LogTitleOptions {
  readonly focused: boolean;
  readonly zoomed: boolean;
}

export const logTitle = (pane: LogPane, cols: number, options: LogTitleOptions): Line => {
  const status = statusText(pane.status);
  const rule: Style = options.focused ? { fg: 'cyan', bold: true } : { fg: 'grey' };
  return fitLine(
    [
      seg('── ', rule),
      seg(titleOf(pane), { bold: true }),
      seg(status === '' ? '' : ` ${status}`, {
        fg: pane.status.kind === 'unavailable' ? 'yellow' : 'grey',
      }),
      seg(followText(pane), { fg: 'yellow' }),
      seg(searchText(pane), { fg: 'magenta' }),
      seg(pane.wrap ? ' wrap' : '', { fg: 'grey' }),
      seg(options.zoomed ? ' full screen (f: back)' : '', { fg: 'grey' }),
      seg(' ', rule),
      seg('─'.repeat(cols), rule),
    ],
    cols,
  );
};

/** The line with the search's matches in their colours. */
const highlighted = (text: string, query: string, current: boolean): Segment[] => {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, query)) {
    out.push(
      seg(text.slice(at, start)),
      seg(text.slice(start, end), current ? CURRENT_MATCH : MATCH),
    );
    at = end;
  }
  out.push(seg(text.slice(at)));
  return out.filter((s) => s.text !== '');
};

/**
 * The stream tag (stderr's in red) and a timestamp the program wrote at the start of the line
 * (dimmed), over what the search highlighted.
 */
const tinted = (text: string, segments: readonly Segment[]): Segment[] => {
  const tag = tagLength(text);
  const time = leadingTimestamp(text.slice(tag))?.length ?? 0;
  const styleAt = (i: number): Style | null => {
    if (i < tag) {
      return text.startsWith(STREAM_TAGS.stderr) ? STDERR_TAG : STDOUT_TAG;
    }
    return i < tag + time ? TIMESTAMP : null;
  };
  const out: Segment[] = [];
  let at = 0;
  for (const segment of segments) {
    const chars = Array.from(segment.text);
    const matched = segment.style !== PLAIN;
    chars.forEach((ch, k) => {
      const style = matched ? segment.style : (styleAt(at + k) ?? PLAIN);
      const last = out[out.length - 1];
      if (last !== undefined && last.style === style) {
        out[out.length - 1] = seg(last.text + ch, style);
      } else {
        out.push(seg(ch, style));
      }
    });
    at += chars.length;
  }
  return out;
};

/** A line in rows of `width` characters, each piece keeping its style. */
const wrapped = (line: readonly Segment[], width: number): Segment[][] => {
  const rows: Segment[][] = [[]];
  let used = 0;
  for (const segment of line) {
    let chars = Array.from(segment.text);
    while (chars.length > 0) {
      if (used === width) {
        rows.push([]);
        used = 0;
      }
      const piece = chars.slice(0, width - used);
      rows[rows.length - 1]?.push(seg(piece.join(''), segment.style));
      used += piece.length;
      chars = chars.slice(piece.length);
    }
  }
  return rows;
};

export const logBody = (pane: LogPane, cols: number, height: number): readonly Line[] => {
  if (pane.target === null) {
    return [
      fitLine([seg('Select a process to follow its log (m: the main log).', { fg: 'grey' })], cols),
    ];
  }
  const all = logLines(pane);
  const { first, end } = logWindow(all, pane.scrollBack, { height, width: cols, wrap: pane.wrap });
  const { query, current } = pane.search;
  const rows = all.slice(first, end).flatMap((text, i) => {
    const isCurrent = current !== null && first + i === current - pane.dropped;
    return pane.wrap
      ? wrapped(tinted(text, highlighted(text, query, isCurrent)), cols)
      : [tinted(text, highlighted(fitText(text, cols), query, isCurrent))];
  });
  return rows.slice(-height).map((line) => fitLine(line, cols));
};
