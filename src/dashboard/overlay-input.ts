// What a key does while a box is open: the help overlay scrolls or closes, the confirmation
// goes ahead only on y, the signal picker chooses, sends or cancels. Pure.

import { SIGNALS } from './commands.js';
import { helpScrollLimit } from './overlay-view.js';
import type { DashboardState, Overlay } from './state.js';
import { only, run, say, type Step } from './step.js';

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

export const overlayKey = (state: DashboardState, overlay: Overlay, key: string): Step => {
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
