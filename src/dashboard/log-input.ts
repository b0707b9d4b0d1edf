// What the log pane's keys do: scroll, follow or pause, wrap, full screen, which log (stdout,
// stderr, the main log), and handing the keys between it and the table. Pure.

import type { Intent } from './keymap.js';
import { scrollLog, toggleFollow, toggleWrap } from './log-pane.js';
import { keepInView } from './navigation.js';
import { layoutOf, logViewport, type DashboardState } from './state.js';
import { only, say, type Step } from './step.js';

export type LogIntent = Extract<
  Intent,
  'channel' | 'main-log' | 'focus' | 'zoom' | 'follow' | 'wrap' | 'leave-log'
>;

/** Scrolls by `delta` lines (positive: back in time). */
export const scrollLogPane = (state: DashboardState, delta: number): Step =>
  only({ ...state, log: scrollLog(state.log, delta, logViewport(state)) });

/** Full screen or back: the keys go with the log pane, and come back to the page. */
const zoomed = (state: DashboardState, logZoomed: boolean): DashboardState => {
  const next = keepInView({ ...state, logZoomed, focus: logZoomed ? 'log' : 'page' });
  return { ...next, log: scrollLog(next.log, 0, logViewport(next)) };
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
          channel: log.source === 'main' || log.channel === 'stderr' ? 'stdout' : 'stderr',
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
      return only(state.logZoomed ? zoomed(state, false) : { ...state, focus: 'page' });
    case 'follow':
      return only({ ...state, log: toggleFollow(log) });
    case 'wrap':
      return only({ ...state, log: toggleWrap(log, logViewport(state)) });
  }
};
