// The table's filter: `/` starts a fresh one, typing narrows the rows (by name or state) and
// selects the first match unless the row selected before still matches, Enter keeps it, Esc
// clears it and goes back to that row. The selection never jumps because of Esc. Pure.

import { moveSelection, withRows } from './navigation.js';
import type { DashboardState, Filter } from './state.js';
import { only, type Step } from './step.js';
import { editText } from './text-input.js';

const filtered = (state: DashboardState, filter: Filter, prefer: readonly (string | null)[]) =>
  withRows({ ...state, filter }, { prefer, otherwise: 'first' });

/** `/`: a new filter, empty, remembering the selected row. */
export const startFilter = (state: DashboardState): Step => {
  const filter: Filter = { text: '', editing: true, returnKey: state.selectedKey };
  return only(state.filter.text === '' ? { ...state, filter } : filtered(state, filter, []));
};

/** Esc outside the filter: the kept filter goes, the selected row stays selected. */
export const clearFilter = (state: DashboardState): Step =>
  state.filter.text === ''
    ? only(state)
    : only(filtered(state, { text: '', editing: false, returnKey: null }, [state.selectedKey]));

export const filterKey = (state: DashboardState, key: string, ch: string | undefined): Step => {
  const { text, returnKey } = state.filter;
  switch (key) {
    case 'enter':
      return only({ ...state, filter: { text, editing: false, returnKey: null } });
    case 'escape':
      return only(
        filtered(state, { text: '', editing: false, returnKey: null }, [
          returnKey,
          state.selectedKey,
        ]),
      );
    case 'up':
    case 'down':
      return only(moveSelection(state, key === 'up' ? -1 : 1));
    default: {
      const edited = editText(text, key, ch);
      return edited === null || edited === text
        ? only(state)
        : only(filtered(state, { text: edited, editing: true, returnKey }, [returnKey]));
    }
  }
};
