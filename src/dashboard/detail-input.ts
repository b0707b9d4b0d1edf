// What the keys do about a process's detail page: Enter opens it for the selected process (and
// asks the daemon for what the table does not carry), the moves scroll it, Esc or Enter goes
// back to the table. Pure.

import { lastDetailTop } from './detail-view.js';
import type { Effect } from './inputs.js';
import { selectedRow } from './navigation.js';
import { layoutOf, linkOf, type DashboardState } from './state.js';
import { only, say, type Step } from './step.js';

/** The page's lines on screen: the table's rows and its column titles' row less the title. */
export const detailHeight = (state: DashboardState): number => layoutOf(state).tableHeight;

export const openDetail = (state: DashboardState): Step => {
  const row = selectedRow(state);
  if (row === undefined) {
    return say(state, 'nothing selected');
  }
  if (row.kind === 'host') {
    return say(state, `${row.host} has no process to show`);
  }
  if (row.kind === 'group') {
    return say(state, `${row.group} is a group: select one of its processes for its details`);
  }
  const { host, key, namespec } = row;
  const effects: Effect[] = [{ type: 'fetch-config', host }];
  if (linkOf(state, host).support.detail !== 'no') {
    effects.push({ type: 'fetch-detail', host, namespec, key });
  }
  return {
    state: {
      ...state,
      page: { kind: 'detail', host, key, namespec, scrollTop: 0 },
      config: { kind: 'loading' },
      detail:
        state.detail.kind === 'loaded' && state.detail.key === key
          ? state.detail
          : { kind: 'none' },
    },
    effects,
  };
};

export const closeDetail = (state: DashboardState): Step =>
  only({ ...state, page: { kind: 'table' }, config: { kind: 'none' }, detail: { kind: 'none' } });

/** Scrolls the page by `delta` lines (±Infinity: to the top or the bottom). */
export const scrollDetail = (state: DashboardState, delta: number): Step => {
  const { page } = state;
  if (page.kind !== 'detail') {
    return only(state);
  }
  const last = lastDetailTop(state, page, detailHeight(state));
  const scrollTop = Math.max(0, Math.min(last, page.scrollTop + delta));
  return only(scrollTop === page.scrollTop ? state : { ...state, page: { ...page, scrollTop } });
};
