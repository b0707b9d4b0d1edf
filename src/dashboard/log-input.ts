// What the log pane's keys do: scroll, search (typing the query, next and previous match),
// follow or pause, wrap, full screen, which log (stdout, stderr, the main log), and handing the
// keys between it and the table. Pure.

import type { Intent } from './keymap.js';
import {
  noSearch,
  scrollLog,
  toggleFollow,
  toggleWrap,
  type LogChannel,
  type LogPane,
  type LogSearch,
} from './log-pane.js';
import { findMatch, revealLine, type SearchDirection } from './log-search.js';
import { keepInView } from './navigation.js';
import { layoutOf, logViewport, type DashboardState } from './state.js';
import { only, say, type Step } from './step.js';
import { editText } from './text-input.js';

export type LogIntent = Extract<
  Intent,
  | 'channel'
  | 'main-log'
  | 'focus'
  | 'zoom'
  | 'follow'
  | 'wrap'
  | 'leave-log'
  | 'search'
  | 'next-match'
  | 'previous-match'
>;

/** What `e` shows next: stdout, stderr, both, and round again. */
const NEXT_CHANNEL: Readonly<Record<LogChannel, LogChannel>> = {
  stdout: 'stderr',
  stderr: 'both',
  both: 'stdout',
};

/** Scrolls by `delta` lines (positive: back in time). */
export const scrollLogPane = (state: DashboardState, delta: number): Step =>
  only({ ...state, log: scrollLog(state.log, delta, logViewport(state)) });

/** Full screen or back: the keys go with the log pane, and come back to the page. */
const zoomed = (state: DashboardState, logZoomed: boolean): DashboardState => {
  const next = keepInView({ ...state, logZoomed, focus: logZoomed ? 'log' : 'page' });
  return { ...next, log: scrollLog(next.log, 0, logViewport(next)) };
};

const withSearch = (pane: LogPane, search: LogSearch): LogPane => ({ ...pane, search });

/** Shows the next match that way (and makes it the current one); null when there is none. */
const jump = (state: DashboardState, direction: SearchDirection): DashboardState | null => {
  const viewport = logViewport(state);
  const found = findMatch(state.log, direction, viewport);
  if (found === null) {
    return null;
  }
  const log = revealLine(
    withSearch(state.log, { ...state.log.search, current: found }),
    found,
    viewport,
  );
  return { ...state, log };
};

const quoted = (state: DashboardState): string => `“${state.log.search.query}”`;

/** Keys while the query is typed: it searches as it grows, Enter keeps it, Esc drops it. */
export const searchKey = (state: DashboardState, key: string, ch: string | undefined): Step => {
  const { search } = state.log;
  switch (key) {
    case 'enter': {
      const kept = { ...state, log: withSearch(state.log, { ...search, editing: false }) };
      if (search.query === '') {
        return only({ ...state, log: withSearch(state.log, noSearch) });
      }
      return search.current === null ? say(kept, `no line matches ${quoted(state)}`) : only(kept);
    }
    case 'escape':
      return only({ ...state, log: withSearch(state.log, noSearch) });
    default: {
      const query = editText(search.query, key, ch);
      if (query === null || query === search.query) {
        return only(state);
      }
      const typed = {
        ...state,
        log: withSearch(state.log, { query, editing: true, current: null }),
      };
      return only(jump(typed, 'newest') ?? typed);
    }
  }
};

const nextMatch = (state: DashboardState, direction: 'older' | 'newer'): Step => {
  if (state.log.search.query === '') {
    return say(state, 'no search yet: / searches the log');
  }
  return only(
    jump(state, direction) ?? say(state, `no ${direction} line matches ${quoted(state)}`).state,
  );
};

export const onLogIntent = (state: DashboardState, intent: LogIntent): Step => {
  const { log } = state;
  switch (intent) {
    case 'channel':
      return only({
        ...state,
        log: {
          ...log,
          source: 'process',
          channel: log.source === 'main' ? 'stdout' : NEXT_CHANNEL[log.channel],
        },
      });
    case 'main-log':
      return only({
        ...state,
        log: { ...log, source: log.source === 'main' ? 'process' : 'main' },
      });
    case 'focus':
      if (state.logZoomed) {
        return only(zoomed(state, false));
      }
      return layoutOf(state).logHeight === 0
        ? say(state, 'no room for the log pane here: f shows it full screen')
        : only({ ...state, focus: state.focus === 'page' ? 'log' : 'page' });
    case 'zoom':
      return only(zoomed(state, !state.logZoomed));
    case 'leave-log':
      if (log.search.query !== '') {
        return only({ ...state, log: withSearch(log, noSearch) });
      }
      return only(state.logZoomed ? zoomed(state, false) : { ...state, focus: 'page' });
    case 'search':
      return only({ ...state, log: withSearch(log, { query: '', editing: true, current: null }) });
    case 'next-match':
      return nextMatch(state, 'older');
    case 'previous-match':
      return nextMatch(state, 'newer');
    case 'follow':
      return only({ ...state, log: toggleFollow(log) });
    case 'wrap':
      return only({ ...state, log: toggleWrap(log, logViewport(state)) });
  }
};
