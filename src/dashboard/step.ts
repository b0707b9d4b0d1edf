// What one reducer step yields: the next state and the effects the runner is to perform; and
// the steps many keys end in: nothing more, a word on the status line, a command sent.

import { describePending, type ProcessCommand } from './commands.js';
import type { Effect } from './inputs.js';
import type { DashboardState } from './state.js';
import { statusMessage } from './status-message.js';

export interface Step {
  readonly state: DashboardState;
  readonly effects: readonly Effect[];
}

export const only = (state: DashboardState): Step => ({ state, effects: [] });

export const say = (state: DashboardState, text: string): Step =>
  only({ ...state, message: statusMessage(text, 'info', state.nowMs) });

/** Sends a command: it is pending until the runner reports its outcome. */
export const run = (state: DashboardState, command: ProcessCommand): Step => {
  const id = state.nextCommandId;
  const pending = new Map(state.pending).set(id, describePending(command));
  return {
    state: { ...state, pending, nextCommandId: id + 1, overlay: null, message: null },
    effects: [{ type: 'run-command', id, command }],
  };
};
