// The dashboard's view-model: (state) → every terminal line, styled, plus any overlay box. Pure:
// the screen only paints what this returns, so what users see is tested here.

import { BINDINGS, FOOTER_LABELS } from './keymap.js';
import { layoutFor } from './layout.js';
import { logBody, logTitle } from './log-view.js';
import { overlayView } from './overlay-view.js';
import type { DashboardState } from './state.js';
import { columnTitles, tableColumns, tableLines } from './table-view.js';
import { fitLine, seg, type Line, type Segment, type Style, type ViewModel } from './view-types.js';

const HEADER: Style = { inverse: true };
const BANNER: Style = { bg: 'red', fg: 'white', bold: true };

// Local time of day, HH:MM:SS.
const clockTime = (ms: number): string => new Date(ms).toTimeString().slice(0, 8);

const CENSUS_ORDER = [
  'RUNNING',
  'STARTING',
  'BACKOFF',
  'STOPPING',
  'EXITED',
  'FATAL',
  'UNKNOWN',
  'STOPPED',
];
const censusRank = (statename: string): number => {
  const rank = CENSUS_ORDER.indexOf(statename);
  return rank < 0 ? CENSUS_ORDER.length : rank;
};

/** `12 processes: 10 running, 1 fatal, 1 stopped` */
const census = (state: DashboardState): string => {
  const counts = new Map<string, number>();
  for (const p of state.processes) {
    counts.set(p.statename, (counts.get(p.statename) ?? 0) + 1);
  }
  const parts = [...counts]
    .sort(([a], [b]) => censusRank(a) - censusRank(b))
    .map(([name, n]) => `${n} ${name.toLowerCase()}`);
  const total = state.processes.length;
  return `${total} process${total === 1 ? '' : 'es'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
};

const header = (state: DashboardState): Line => {
  const { connection, filter } = state;
  if (connection.kind === 'lost') {
    return fitLine(
      [
        seg(
          ` ✖ connection lost: ${connection.reason} — reconnecting (attempt ${connection.attempts}, since ${clockTime(connection.sinceMs)}); showing what was last known `,
          BANNER,
        ),
      ],
      state.size.cols,
      BANNER,
    );
  }
  const parts = [
    ' tssupervisor',
    state.serverUrl,
    connection.kind === 'connecting' ? 'connecting…' : census(state),
    `sort: ${state.sort}`,
    ...(filter.text === '' ? [] : [`filter: ${filter.text}`]),
    ...(state.support.events === 'no' ? ['polling'] : []),
  ];
  return fitLine([seg(parts.join(' │ '), HEADER)], state.size.cols, HEADER);
};

const placeholder = (state: DashboardState): string | null => {
  if (!state.loaded) {
    return state.connection.kind === 'lost' ? 'the daemon is not reachable' : 'asking the daemon…';
  }
  if (state.processes.length === 0) {
    return 'no processes configured';
  }
  return state.rows.length === 0 ? `no process matches “${state.filter.text}”` : null;
};

const statusLine = (state: DashboardState): Line => {
  const { cols } = state.size;
  if (state.filter.editing) {
    return fitLine(
      [
        seg(` /${state.filter.text}`, { bold: true }),
        seg('▏  Enter: keep   Esc: clear', { fg: 'grey' }),
      ],
      cols,
    );
  }
  const pending = [...state.pending.values()];
  const latest = pending[pending.length - 1];
  if (latest !== undefined) {
    const more = pending.length > 1 ? ` (+${pending.length - 1} more)` : '';
    return fitLine([seg(` ⟳ ${latest}${more}`, { fg: 'yellow' })], cols);
  }
  const message = state.message;
  if (message === null) {
    return fitLine([], cols);
  }
  const fg = message.tone === 'ok' ? 'green' : message.tone === 'error' ? 'red' : 'white';
  return fitLine([seg(` ${message.text}`, { fg, bold: message.tone === 'error' })], cols);
};

const footer = (cols: number): Line => {
  const segments: Segment[] = [];
  for (const binding of BINDINGS) {
    if (binding.footer !== null) {
      segments.push(seg(` ${FOOTER_LABELS[binding.intent] ?? binding.label} `, { inverse: true }));
      segments.push(seg(` ${binding.footer} `));
    }
  }
  return fitLine(segments, cols);
};

export const viewModel = (state: DashboardState): ViewModel => {
  const layout = layoutFor(state.size);
  const { cols } = layout;
  const empty = placeholder(state);
  const table =
    empty === null
      ? tableLines(state, layout.tableHeight)
      : [fitLine([seg(`  ${empty}`, { fg: 'grey' })], cols)];
  const body: Line[] = [...table];
  while (body.length < layout.tableHeight) {
    body.push(fitLine([], cols));
  }
  const log: Line[] = [];
  if (layout.logHeight > 0) {
    log.push(logTitle(state.log, cols, state.focus === 'log'));
    log.push(...logBody(state.log, cols, layout.logHeight));
    while (log.length < layout.logHeight + 1) {
      log.push(fitLine([], cols));
    }
  }
  const lines = [
    header(state),
    columnTitles(tableColumns(state), cols),
    ...body,
    ...log,
    statusLine(state),
    footer(cols),
  ];
  return {
    lines: lines.slice(0, layout.rows),
    overlay: state.overlay === null ? null : overlayView(state.overlay, state.size),
  };
};
