// What a key does, by mode: an open overlay (help, confirmation, signal picker) takes every key,
// then the filter being typed, then the keymap's intents where the keys are: the table's here,
// the detail page's in detail-input.ts, the log pane's in log-input.ts. Pure.

import type { ProcessCommand } from './commands.js';
import { closeDetail, detailHeight, openDetail, scrollDetail } from './detail-input.js';
import { clearFilter, filterKey, startFilter } from './filter-input.js';
import { intentOf, type Intent } from './keymap.js';
import { onLogIntent, scrollLogPane, searchKey } from './log-input.js';
import { moveSelection, pageSize, selectEdge, selectedTarget, withRows } from './navigation.js';
import { overlayKey } from './overlay-input.js';
import { keyContext, layoutOf, type DashboardState } from './state.js';
import { only, run, say, type Step } from './step.js';
import { SORT_KEYS } from './table-rows.js';

type MoveIntent = Extract<Intent, 'up' | 'down' | 'page-up' | 'page-down' | 'home' | 'end'>;

/** How far a move goes, in rows down the table (for the log pane: lines towards its end). */
const distance = (intent: MoveIntent, page: number): number => {
  switch (intent) {
    case 'up':
      return -1;
    case 'down':
      return 1;
    case 'page-up':
      return -page;
    case 'page-down':
      return page;
    case 'home':
      return -Infinity;
    case 'end':
      return Infinity;
  }
};

const move = (state: DashboardState, intent: MoveIntent): Step => {
  if (state.focus === 'log') {
    return scrollLogPane(state, -distance(intent, layoutOf(state).logHeight));
  }
  if (state.page.kind === 'detail') {
    return scrollDetail(state, distance(intent, Math.max(1, detailHeight(state) - 1)));
  }
  const rows = distance(intent, pageSize(state));
  return only(
    Number.isFinite(rows)
      ? moveSelection(state, rows)
      : selectEdge(state, rows < 0 ? 'first' : 'last'),
  );
};

const ALL_WORDS = { 'start-all': 'Start', 'stop-all': 'Stop', 'restart-all': 'Restart' } as const;
const VERB_OF = { 'start-all': 'start', 'stop-all': 'stop', 'restart-all': 'restart' } as const;

const onIntent = (state: DashboardState, intent: Intent): Step => {
  switch (intent) {
    case 'up':
    case 'down':
    case 'page-up':
    case 'page-down':
    case 'home':
    case 'end':
      return move(state, intent);
    case 'start':
    case 'stop':
    case 'restart':
    case 'clear': {
      const target = selectedTarget(state);
      return target === null
        ? say(state, 'nothing selected')
        : run(state, { verb: intent, target });
    }
    case 'signal': {
      const target = selectedTarget(state);
      return target === null
        ? say(state, 'nothing selected')
        : only({ ...state, overlay: { kind: 'signal', target, index: 0 } });
    }
    case 'update':
      return run(state, { verb: 'update' });
    case 'start-all':
    case 'stop-all':
    case 'restart-all': {
      const question = `${ALL_WORDS[intent]} all ${state.processes.length} processes?`;
      const command: ProcessCommand = { verb: VERB_OF[intent], target: { kind: 'all' } };
      return only({ ...state, overlay: { kind: 'confirm', command, question } });
    }
    case 'channel':
    case 'main-log':
    case 'focus':
    case 'zoom':
    case 'follow':
    case 'wrap':
    case 'leave-log':
    case 'search':
    case 'next-match':
    case 'previous-match':
      return onLogIntent(state, intent);
    case 'details':
      return openDetail(state);
    case 'back':
      return closeDetail(state);
    case 'filter':
      return startFilter(state);
    case 'clear-filter':
      return clearFilter(state);
    case 'sort': {
      const sort = SORT_KEYS[(SORT_KEYS.indexOf(state.sort) + 1) % SORT_KEYS.length] ?? 'name';
      return say(withRows({ ...state, sort }), `sorted by ${sort}`);
    }
    case 'group':
      return only(withRows({ ...state, grouped: !state.grouped }));
    case 'help':
      return only({
        ...state,
        overlay: { kind: 'help', context: keyContext(state), scrollTop: 0 },
      });
    case 'quit':
      return { state, effects: [{ type: 'quit' }] };
  }
};

export const handleKey = (state: DashboardState, key: string, ch: string | undefined): Step => {
  if (state.overlay !== null) {
    return overlayKey(state, state.overlay, key);
  }
  if (state.filter.editing) {
    return filterKey(state, key, ch);
  }
  if (state.log.search.editing) {
    return searchKey(state, key, ch);
  }
  const intent = intentOf(key, keyContext(state));
  return intent === undefined ? only(state) : onIntent(state, intent);
};
