// Selection and scrolling in the process table, kept sensible when the rows change (new data, a
// filter, another sort), and what the selection means: a command target and a log to follow. Pure.

import { makeNamespec } from '../model/namespec.js';
import type { CommandTarget } from './commands.js';
import type { LogTarget } from './log-pane.js';
import { layoutOf, type DashboardState } from './state.js';
import { buildRows, type TableRow } from './table-rows.js';

const clamp = (value: number, low: number, high: number): number =>
  Math.max(low, Math.min(high, value));

/** Scrolls as little as needed to show the selected row, and never past the last page. */
const inView = (state: DashboardState): DashboardState => {
  const height = Math.max(1, layoutOf(state).tableHeight);
  const lastTop = Math.max(0, state.rows.length - height);
  let top = clamp(state.scrollTop, 0, lastTop);
  if (state.selectedIndex < top) {
    top = state.selectedIndex;
  } else if (state.selectedIndex >= top + height) {
    top = state.selectedIndex - height + 1;
  }
  return top === state.scrollTop ? state : { ...state, scrollTop: top };
};

const selectIndex = (state: DashboardState, index: number): DashboardState => {
  if (state.rows.length === 0) {
    return { ...state, selectedKey: null, selectedIndex: 0, scrollTop: 0 };
  }
  const selectedIndex = clamp(index, 0, state.rows.length - 1);
  const selectedKey = state.rows[selectedIndex]?.key ?? null;
  return inView({ ...state, selectedIndex, selectedKey });
};

/** Which row to select after the rows changed. */
export interface Reselect {
  /** The first of these keys that is among the rows. */
  readonly prefer: readonly (string | null)[];
  /** Without any: the first row, or the row now where the selection was. */
  readonly otherwise: 'first' | 'same-place';
}

/** Rebuilds the rows; the selected key stays selected, or the row now where it was. */
export const withRows = (
  state: DashboardState,
  reselect: Reselect = { prefer: [state.selectedKey], otherwise: 'same-place' },
): DashboardState => {
  const rows = buildRows(state.processes, state.usage, {
    hosts: state.hosts,
    filter: state.filter.text,
    sort: state.sort,
    grouped: state.grouped,
  });
  const kept = reselect.prefer
    .map((key) => (key === null ? -1 : rows.findIndex((r) => r.key === key)))
    .find((index) => index >= 0);
  const fallback = reselect.otherwise === 'first' ? 0 : state.selectedIndex;
  return selectIndex({ ...state, rows }, kept ?? fallback);
};

export const moveSelection = (state: DashboardState, delta: number): DashboardState =>
  selectIndex(state, state.selectedIndex + delta);

export const selectEdge = (state: DashboardState, edge: 'first' | 'last'): DashboardState =>
  selectIndex(state, edge === 'first' ? 0 : state.rows.length - 1);

/** After a resize: the selection still in view. */
export const keepInView = (state: DashboardState): DashboardState => inView(state);

export const pageSize = (state: DashboardState): number =>
  Math.max(1, layoutOf(state).tableHeight - 1);

export const selectedRow = (state: DashboardState): TableRow | undefined =>
  state.rows[state.selectedIndex];

/**
 * What s/x/r/i/c act on: the selected process, or every process of the selected group; null
 * with nothing selected, or a fleet's host with nothing to act on.
 */
export const selectedTarget = (state: DashboardState): CommandTarget | null => {
  const row = selectedRow(state);
  if (row === undefined || row.kind === 'host') {
    return null;
  }
  const { host } = row;
  if (row.kind === 'process') {
    return { kind: 'process', host, namespec: row.namespec };
  }
  const members = state.processes
    .filter((p) => p.host === host && p.group === row.group)
    .map((p) => makeNamespec(p.group, p.name));
  return { kind: 'group', host, group: row.group, members };
};

/** The log the pane should follow now: the main log is the selected row's host's. */
export const wantedLogTarget = (state: DashboardState): LogTarget | null => {
  const row = selectedRow(state);
  if (state.log.source === 'main') {
    return { kind: 'main', host: row?.host ?? state.hosts[0]?.name ?? '' };
  }
  return row?.kind === 'process'
    ? { kind: 'process', host: row.host, namespec: row.namespec, channel: state.log.channel }
    : null;
};
