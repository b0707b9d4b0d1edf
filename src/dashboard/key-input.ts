// What a key does, by mode: an open overlay (help, confirmation, signal picker) takes every key,
// then the filter being typed, then the keymap's intents for the table or the log pane. Pure.

import { describePending, SIGNALS, type ProcessCommand } from './commands.js';
import { clearFilter, filterKey, startFilter } from './filter-input.js';
import { intentOf, type Intent } from './keymap.js';
import { scrollLog } from './log-pane.js';
import { helpScrollLimit } from './overlay-view.js';
import { moveSelection, pageSize, selectEdge, selectedTarget, withRows } from './navigation.js';
import { keyContext, layoutOf, type DashboardState, type Overlay } from './state.js';
import { statusMessage } from './status-message.js';
import { only, type Step } from './step.js';
import { SORT_KEYS } from './table-rows.js';

const say = (state: DashboardState, text: string): Step =>
  only({ ...state, message: statusMessage(text, 'info', state.nowMs) });

/** Sends a command: it is pending until the runner reports its outcome. */
const run = (state: DashboardState, command: ProcessCommand): Step => {
  const id = state.nextCommandId;
  const pending = new Map(state.pending).set(id, describePending(command));
  return {
    state: { ...state, pending, nextCommandId: id + 1, overlay: null, message: null },
    effects: [{ type: 'run-command', id, command }],
  };
};

/** Scroll keys in the help overlay, in lines; any other key closes it. */
const HELP_SCROLL: Readonly<Record<string, number>> = {
  up: -1,
  k: -1,
  down: 1,
  j: 1,
  pageup: -10,
  'C-b': -10,
  pagedown: 10,
  'C-f': 10,
};

const overlayKey = (state: DashboardState, overlay: Overlay, key: string): Step => {
  const closed = { ...state, overlay: null };
  switch (overlay.kind) {
    case 'help': {
      const delta = HELP_SCROLL[key];
      if (delta === undefined) {
        return only(closed);
      }
      const limit = helpScrollLimit(overlay.context, state.size);
      const scrollTop = Math.max(0, Math.min(limit, overlay.scrollTop + delta));
      return scrollTop === overlay.scrollTop
        ? only(state)
        : only({ ...state, overlay: { ...overlay, scrollTop } });
    }
    case 'confirm':
      return key === 'y' || key === 'Y' ? run(closed, overlay.command) : say(closed, 'cancelled');
    case 'signal': {
      const step = key === 'up' || key === 'k' ? -1 : key === 'down' || key === 'j' ? 1 : 0;
      if (step !== 0) {
        const index = (overlay.index + step + SIGNALS.length) % SIGNALS.length;
        return only({ ...state, overlay: { ...overlay, index } });
      }
      const signal = SIGNALS[overlay.index];
      if (key === 'enter' && signal !== undefined) {
        return run(closed, { verb: 'signal', target: overlay.target, signal });
      }
      return key === 'escape' || key === 'q' ? only(closed) : only(state);
    }
  }
};

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
    const height = layoutOf(state).logHeight;
    return only({ ...state, log: scrollLog(state.log, -distance(intent, height), height) });
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
      return only({
        ...state,
        log: {
          ...state.log,
          source: 'process',
          channel:
            state.log.source === 'main' || state.log.channel === 'stderr' ? 'stdout' : 'stderr',
        },
      });
    case 'main-log':
      return only({
        ...state,
        log: { ...state.log, source: state.log.source === 'main' ? 'process' : 'main' },
      });
    case 'focus':
      return layoutOf(state).logHeight === 0
        ? say(state, 'no room for the log pane: make the terminal taller')
        : only({ ...state, focus: state.focus === 'page' ? 'log' : 'page' });
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
  const intent = intentOf(key, keyContext(state));
  return intent === undefined ? only(state) : onIntent(state, intent);
};
