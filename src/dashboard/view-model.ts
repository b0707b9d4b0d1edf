// The dashboard's view-model: (state) → every terminal line, styled, plus any overlay box. Pure:
// the screen only paints what this returns, so what users see is tested here.

import { detailPart } from './detail-view.js';
import { footerLine } from './footer-view.js';
import { headerLine } from './header-view.js';
import { FULL_SIZE, MIN_SIZE, type Layout } from './layout.js';
import { logBody, logTitle } from './log-view.js';
import { overlayView } from './overlay-view.js';
import { isFleet, keyContext, layoutOf, type DashboardState } from './state.js';
import { columnTitles, tableColumns, tableLines } from './table-view.js';
import { fitLine, seg, type Line, type ViewModel } from './view-types.js';

const placeholder = (state: DashboardState): string | null => {
  const [only] = state.hosts;
  if (isFleet(state) || only === undefined) {
    // Each host has a row of its own until its processes come.
    return state.rows.length === 0 ? `no process matches “${state.filter.text}”` : null;
  }
  if (!only.loaded) {
    return only.connection.kind === 'lost' ? 'the daemon is not reachable' : 'asking the daemon…';
  }
  if (state.processes.length === 0) {
    return 'no processes configured';
  }
  return state.rows.length === 0 ? `no process matches “${state.filter.text}”` : null;
};

/** With nothing else to say, what a small terminal leaves out. */
const sizeHint = (state: DashboardState, layout: Layout): string => {
  const { cols, rows } = state.size;
  if (layout.logHeight === 0) {
    return 'no room for the log pane: f shows it full screen';
  }
  return cols < FULL_SIZE.cols || rows < FULL_SIZE.rows
    ? `a small terminal (${cols}×${rows}): ${FULL_SIZE.cols}×${FULL_SIZE.rows} or more shows everything`
    : '';
};

/** Typing into the filter or the search: the text, a cursor, and what Enter and Esc do. */
const prompt = (cols: number, label: string, text: string, esc: string): Line =>
  fitLine(
    [seg(` ${label}${text}`, { bold: true }), seg(`▏  Enter: keep   Esc: ${esc}`, { fg: 'grey' })],
    cols,
  );

const statusLine = (state: DashboardState, layout: Layout): Line => {
  const { cols } = state.size;
  if (state.filter.editing) {
    return prompt(cols, '/', state.filter.text, 'clear');
  }
  if (state.log.search.editing) {
    return prompt(cols, 'search the log: ', state.log.search.query, 'drop');
  }
  const pending = [...state.pending.values()];
  const latest = pending[pending.length - 1];
  if (latest !== undefined) {
    const more = pending.length > 1 ? ` (+${pending.length - 1} more)` : '';
    return fitLine([seg(` ⟳ ${latest}${more}`, { fg: 'yellow' })], cols);
  }
  const message = state.message;
  if (message === null) {
    return fitLine([seg(` ${sizeHint(state, layout)}`, { fg: 'grey' })], cols);
  }
  const fg = message.tone === 'ok' ? 'green' : message.tone === 'error' ? 'red' : 'white';
  return fitLine([seg(` ${message.text}`, { fg, bold: message.tone === 'error' })], cols);
};

/** Below MIN_SIZE: what the size is, what it needs, and the keys that still work. */
const tooSmall = (state: DashboardState): ViewModel => {
  const { cols, rows } = state.size;
  const lines: Line[] = Array.from({ length: Math.max(0, rows - 1) }, () => fitLine([], cols));
  const say = [
    `The terminal is ${cols}×${rows};`,
    `the dashboard needs ${MIN_SIZE.cols}×${MIN_SIZE.rows}.`,
  ];
  const top = Math.max(0, Math.floor((rows - 1 - say.length) / 2));
  say.forEach((text, i) => {
    if (top + i < lines.length) {
      const pad = ' '.repeat(Math.max(0, Math.floor((cols - text.length) / 2)));
      lines[top + i] = fitLine([seg(pad + text, { bold: true })], cols);
    }
  });
  return {
    lines: [...lines, footerLine(keyContext(state), cols)].slice(-Math.max(1, rows)),
    overlay: state.overlay === null ? null : overlayView(state.overlay, state.size),
  };
};

/** The column titles and the table's rows, or why there are none. */
const tablePart = (state: DashboardState, layout: Layout): Line[] => {
  const { cols } = layout;
  const empty = placeholder(state);
  const body: Line[] =
    empty === null
      ? [...tableLines(state, layout.tableHeight)]
      : [fitLine([seg(`  ${empty}`, { fg: 'grey' })], cols)];
  while (body.length < layout.tableHeight) {
    body.push(fitLine([], cols));
  }
  return [columnTitles(tableColumns(state), cols), ...body.slice(0, layout.tableHeight)];
};

/** The table, or the open detail page, in the same rows. */
const pagePart = (state: DashboardState, layout: Layout): Line[] =>
  state.page.kind === 'detail'
    ? detailPart(state, state.page, layout.tableHeight)
    : tablePart(state, layout);

const logPart = (state: DashboardState, layout: Layout): Line[] => {
  const { cols } = layout;
  if (layout.logHeight === 0) {
    return [];
  }
  const focused = state.focus === 'log';
  const log = [
    logTitle(state.log, cols, { focused, zoomed: layout.zoomed }),
    ...logBody(state.log, cols, layout.logHeight),
  ];
  while (log.length < layout.logHeight + 1) {
    log.push(fitLine([], cols));
  }
  return log;
};

export const viewModel = (state: DashboardState): ViewModel => {
  const layout = layoutOf(state);
  if (layout.tooSmall) {
    return tooSmall(state);
  }
  const lines = [
    headerLine(state),
    ...(layout.zoomed ? [] : pagePart(state, layout)),
    ...logPart(state, layout),
    statusLine(state, layout),
    footerLine(keyContext(state), layout.cols),
  ];
  return {
    lines: lines.slice(0, layout.rows),
    overlay: state.overlay === null ? null : overlayView(state.overlay, state.size),
  };
};
