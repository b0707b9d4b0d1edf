// The log pane's state and its pure updates: which log it follows (the selected process's
// stdout, stderr or both, or the daemon's main log), the last lines of it, how far it is scrolled,
// whether it follows the end as lines arrive, whether long lines wrap, and what it searches.

import { hostKey } from './host-link.js';
import { maxScrollBack, type LogViewport } from './log-window.js';

/** `both`: stdout and stderr in one, each line tagged (log-merge.ts). */
export type LogChannel = 'stdout' | 'stderr' | 'both';
export type LogSource = 'process' | 'main';

/** `host`: whose log, by its fleet name ('' without a fleet). */
export type LogTarget =
  | {
      readonly kind: 'process';
      readonly host: string;
      readonly namespec: string;
      readonly channel: LogChannel;
    }
  | { readonly kind: 'main'; readonly host: string };

export type LogStatus =
  /** Nothing to follow (a group or nothing is selected). */
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'live' }
  /** No log file, the stream ended, or it failed: `reason` says which. */
  | { readonly kind: 'unavailable'; readonly reason: string };

export interface LogSearch {
  readonly query: string;
  /** Typing goes into the query (after `/` in the log pane, until Enter or Esc). */
  readonly editing: boolean;
  /** The line of the match shown, by number (see LogPane.dropped); null: none. */
  readonly current: number | null;
}

export const noSearch: LogSearch = { query: '', editing: false, current: null };

export interface LogPane {
  readonly source: LogSource;
  readonly channel: LogChannel;
  readonly target: LogTarget | null;
  /** logTargetId(target): log data is accepted only for the target it was asked for. */
  readonly targetId: string;
  readonly lines: readonly string[];
  /** Lines let go at the front (beyond MAX_LOG_LINES): lines[i] is line number dropped + i. */
  readonly dropped: number;
  /** The last line, until its newline arrives. */
  readonly partial: string;
  /** Lines between the bottom of the view and the end of the log. */
  readonly scrollBack: number;
  /** New lines keep the end in view; paused, the view stays on its lines as they arrive. */
  readonly follow: boolean;
  /** Long lines take as many rows as they need, rather than being cut at the pane's width. */
  readonly wrap: boolean;
  readonly search: LogSearch;
  readonly status: LogStatus;
}

export const MAX_LOG_LINES = 2000;
const TAB_WIDTH = 8;

export const logTargetId = (target: LogTarget | null): string =>
  target === null
    ? ''
    : hostKey(
        target.host,
        target.kind === 'main' ? 'main' : `${target.namespec}/${target.channel}`,
      );

export const emptyLogPane: LogPane = {
  source: 'process',
  channel: 'stdout',
  target: null,
  targetId: '',
  lines: [],
  dropped: 0,
  partial: '',
  scrollBack: 0,
  follow: true,
  wrap: false,
  search: noSearch,
  status: { kind: 'idle' },
};

/** Follows `target` from now on; the lines of another target are dropped. */
export const retarget = (pane: LogPane, target: LogTarget | null): LogPane => {
  const targetId = logTargetId(target);
  if (targetId === pane.targetId) {
    return pane;
  }
  return {
    ...pane,
    target,
    targetId,
    lines: [],
    dropped: 0,
    partial: '',
    scrollBack: 0,
    follow: true,
    search: noSearch,
    status: target === null ? { kind: 'idle' } : { kind: 'loading' },
  };
};

// CSI and OSC sequences (colours, cursor moves, titles) and other control characters: a log
// line is shown as text, never interpreted by the terminal.
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f]/g;

const expandTabs = (line: string): string => {
  if (!line.includes('\t')) {
    return line;
  }
  let out = '';
  for (const char of line) {
    out += char === '\t' ? ' '.repeat(TAB_WIDTH - (out.length % TAB_WIDTH)) : char;
  }
  return out;
};

/** What a terminal would leave of a line: after a carriage return, the text written over it. */
const cleanLine = (line: string): string => {
  const overwritten = line.split('\r').filter((part) => part !== '');
  return expandTabs((overwritten[overwritten.length - 1] ?? '').replace(ESCAPES, ''));
};

const withText = (pane: LogPane, base: readonly string[], partial: string, text: string) => {
  const pieces = (partial + text).split('\n');
  const last = pieces.pop() ?? '';
  const added = pieces.map(cleanLine);
  const all = [...base, ...added];
  const cut = Math.max(0, all.length - MAX_LOG_LINES);
  const lines = cut === 0 ? all : all.slice(cut);
  const dropped = pane.dropped + cut;
  // Not following, the view stays on the same lines while new ones arrive below.
  const scrollBack = pane.follow ? 0 : Math.min(pane.scrollBack + added.length, lines.length);
  const { search } = pane;
  const current = search.current !== null && search.current >= dropped ? search.current : null;
  return {
    ...pane,
    lines,
    dropped,
    partial: last,
    scrollBack,
    search: current === search.current ? search : { ...search, current },
  };
};

export const appendLogText = (pane: LogPane, text: string): LogPane =>
  withText(pane, pane.lines, pane.partial, text);

/** The log from scratch (what the daemon read back), replacing what the pane had. */
export const replaceLogText = (pane: LogPane, text: string): LogPane =>
  withText(
    {
      ...pane,
      dropped: 0,
      scrollBack: 0,
      follow: true,
      search: { ...pane.search, current: null },
    },
    [],
    '',
    text,
  );

/** Every line to show, the unfinished last one included. */
export const logLines = (pane: LogPane): readonly string[] =>
  pane.partial === '' ? pane.lines : [...pane.lines, cleanLine(pane.partial)];

/**
 * Scrolls by `delta` lines (positive: back in time), within what the view can show. Scrolling
 * back pauses following; scrolling down to the end follows again.
 */
export const scrollLog = (
  pane: LogPane,
  delta: number,
  viewport: Omit<LogViewport, 'wrap'>,
): LogPane => {
  const most = maxScrollBack(logLines(pane), { ...viewport, wrap: pane.wrap });
  const scrollBack = Math.max(0, Math.min(most, pane.scrollBack + delta));
  const follow = scrollBack > 0 ? false : delta < 0 ? true : pane.follow;
  return scrollBack === pane.scrollBack && follow === pane.follow
    ? pane
    : { ...pane, scrollBack, follow };
};

/** F: pauses the view where it is, or follows the end again. */
export const toggleFollow = (pane: LogPane): LogPane =>
  pane.follow ? { ...pane, follow: false } : { ...pane, follow: true, scrollBack: 0 };

/** w: long lines wrap, or are cut; the end stays where it was. */
export const toggleWrap = (pane: LogPane, viewport: Omit<LogViewport, 'wrap'>): LogPane =>
  scrollLog({ ...pane, wrap: !pane.wrap }, 0, viewport);
