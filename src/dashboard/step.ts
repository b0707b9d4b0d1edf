// What one reducer step yields: the next state and the effects the runner is to perform.

import type { Effect } from './inputs.js';
import type { DashboardState } from './state.js';

export interface Step {
  readonly state: DashboardState;
  readonly effects: readonly Effect[];
}

export const only = (state: DashboardState): Step => ({ state, effects: [] });
