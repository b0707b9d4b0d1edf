// The dashboard's imperative shell: holds the state, feeds it keys, resizes and the daemon's
// answers through the reducer, performs the effects, and repaints (once per turn, only when
// something changed) until the user quits.

import type { Clock } from '../ports/clock.js';
import { runCommand } from './command-runner.js';
import type { DashboardApi } from './daemon-api.js';
import { fetchDetail } from './detail-sync.js';
import { failureText } from './failures.js';
import type { DashboardInput, Effect } from './inputs.js';
import { createLogFollower, type OpenDashboardLog } from './log-follower.js';
import { reduce } from './model.js';
import { syncProcesses } from './process-sync.js';
import type { DashboardScreen } from './screen.js';
import { initialState } from './state.js';
import { syncUsage } from './usage-sync.js';
import { viewModel } from './view-model.js';

export interface RunnerDeps {
  readonly api: DashboardApi;
  readonly clock: Clock;
  readonly openLog: OpenDashboardLog;
  readonly screen: Pick<DashboardScreen, 'size' | 'render' | 'onKey' | 'onResize'>;
  /** As the user gave it, for the header and messages. */
  readonly serverUrl: string;
}

/** Resolves when the user quits. */
export const runDashboard = (deps: RunnerDeps): Promise<void> =>
  new Promise((resolve) => {
    const { api, clock, screen, serverUrl } = deps;
    const running = new AbortController();
    let state = initialState(serverUrl, screen.size(), clock.wallMs());
    let paintQueued = false;

    const paint = (): void => {
      paintQueued = false;
      if (!running.signal.aborted) {
        screen.render(viewModel(state));
      }
    };

    const perform = (effect: Effect): void => {
      switch (effect.type) {
        case 'run-command':
          void runCommand(api.actions, effect.command, serverUrl).then((outcome) =>
            dispatch({ type: 'command-done', id: effect.id, outcome }),
          );
          return;
        case 'fetch-config':
          api.reads.getAllConfigInfo().then(
            (configs) => dispatch({ type: 'config', configs }),
            (error: unknown) =>
              dispatch({ type: 'config-failed', reason: failureText(error, serverUrl) }),
          );
          return;
        case 'fetch-detail':
          void fetchDetail(api, state.support.detail, effect, dispatch);
          return;
        case 'quit':
          running.abort();
          follower.close();
          resolve();
          return;
      }
    };

    const dispatch = (input: DashboardInput): void => {
      if (running.signal.aborted) {
        return;
      }
      const step = reduce(state, input);
      const changed = step.state !== state;
      state = step.state;
      follower.sync(state);
      step.effects.forEach(perform);
      if (changed && !paintQueued) {
        paintQueued = true;
        queueMicrotask(paint);
      }
    };

    const follower = createLogFollower({ api, clock, openLog: deps.openLog, dispatch, serverUrl });
    screen.onKey(({ key, ch }) => dispatch({ type: 'key', key, ch }));
    screen.onResize(({ cols, rows }) => dispatch({ type: 'resize', cols, rows }));
    paint();
    const common = { api, clock, dispatch, signal: running.signal };
    void syncProcesses({ ...common, serverUrl });
    void syncUsage({ ...common, state: () => state });
  });
