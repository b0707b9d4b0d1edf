// A live log: follows one log as it grows (log-follow.ts), keeps its newest lines, and shows
// those matching the search with the matches marked. Follow keeps the newest line in view;
// scrolling up stops that until the box is ticked again.

import { h } from './dom-build.js';
import type { AppContext } from './app-context.js';
import { followLog, type LogSource } from './log-follow.js';
import {
  allLines,
  appendLogText,
  highlightRuns,
  matchingLines,
  NO_LINES,
  type LogLines,
} from './log-lines.js';

/** Lines a view keeps: enough to search back a while, bounded whatever the log does. */
export const MAX_LOG_LINES = 5_000;

export interface LogView {
  readonly element: HTMLElement;
  close(): void;
}

export const createLogView = (ctx: AppContext, source: LogSource, title: string): LogView => {
  const stop = new AbortController();
  let log: LogLines = NO_LINES;
  let query = '';
  let scheduled = false;

  const search = h('input', {
    class: 'log-search',
    attrs: { type: 'search', placeholder: 'Search the log', 'aria-label': `Search ${title}` },
  });
  const follow = h('input', { class: 'log-follow', attrs: { type: 'checkbox', checked: '' } });
  const count = h('span', { class: 'log-count' });
  const problem = h('p', { class: 'log-problem', attrs: { role: 'status', hidden: '' } });
  const lines = h('pre', { class: 'log-lines', attrs: { tabindex: '0', 'aria-label': title } });
  const element = h(
    'section',
    { class: 'log-view' },
    h(
      'div',
      { class: 'toolbar' },
      search,
      h('label', { class: 'log-follow-label' }, follow, ' Follow'),
      count,
    ),
    problem,
    lines,
  );

  const draw = (): void => {
    scheduled = false;
    const every = allLines(log);
    const shown = matchingLines(every, query);
    lines.replaceChildren(
      ...shown.map((line) =>
        h(
          'div',
          { class: 'log-line' },
          ...highlightRuns(line, query).map((run) =>
            run.match ? h('mark', {}, run.text) : run.text,
          ),
        ),
      ),
    );
    count.textContent =
      query === '' ? `${every.length} lines` : `${shown.length} of ${every.length} lines`;
    if (follow.checked) {
      lines.scrollTop = lines.scrollHeight;
    }
  };
  const redraw = (): void => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(draw);
    }
  };

  search.addEventListener('input', () => {
    query = search.value;
    redraw();
  });
  follow.addEventListener('change', redraw);
  lines.addEventListener('scroll', () => {
    const atBottom = lines.scrollTop + lines.clientHeight >= lines.scrollHeight - 4;
    if (!atBottom && follow.checked && !scheduled) {
      follow.checked = false;
    }
  });

  void followLog(
    source,
    { fetch: ctx.fetch, clock: ctx.clock },
    {
      onStart: () => {
        log = NO_LINES;
        redraw();
      },
      onText: (text) => {
        log = appendLogText(log, text, MAX_LOG_LINES);
        redraw();
      },
      onProblem: (text) => {
        problem.hidden = text === null;
        problem.textContent = text ?? '';
      },
    },
    stop.signal,
  );
  draw();

  return { element, close: () => stop.abort() };
};
