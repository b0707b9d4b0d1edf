// The dashboard's imperative shell: holds the state, feeds it keys, resizes and the daemons'
// answers through the reducer, performs the effects (each on the daemon it names), and repaints
// (once per turn, only when something changed) until the user quits. Every host has its own
// syncs, so one that is down or slow holds up no other.

import type { Clock } from '../ports/clock.js';
import { tickClock } from './clock-tick.js';
import { runFleetCommand } from './fleet-command.js';
import { fetchDetail } from './detail-sync.js';
import { failureText } from './failures.js';
import type { HostClient } from './host-client.js';
import type { DaemonInput, DashboardInput, Effect } from './inputs.js';
import { createLogFollower } from './log-follower.js';
import { reduce } from './model.js';
import { syncProcesses } from './process-sync.js';
import type { DashboardScreen } from './screen.js';
import { initialState, linkOf } from './state.js';
import { syncUsage } from './usage-sync.js';
import { viewModel } from './view-model.js';

export interface RunnerDeps {
  /** The daemons, in the fleet's order; one (named '') without a fleet. */
  readonly hosts: readonly HostClient[];
  readonly clock: Clock;
  readonly screen: Pick<DashboardScreen, 'size' | 'render' | 'onKey' | 'onResize'>;
}

/** Resolves when the user quits. */
export const runDashboard = (deps: RunnerDeps): Promise<void> =>
  new Promise((resolve) => {
    const { clock, screen, hosts } = deps;
    const [first] = hosts;
    if (first === undefined) {
      resolve();
      return;
    }
    const running = new AbortController();
    let state = initialState(hosts, screen.size(), clock.wallMs());
    let paintQueued = false;
    const hostNamed = (name: string): HostClient => hosts.find((h) => h.name === name) ?? first;

    const paint = (): void => {
      paintQueued = false;
      if (!running.signal.aborted) {
        screen.render(viewModel(state));
      }
    };

    const perform = (effect: Effect): void => {
      switch (effect.type) {
        case 'run-command': {
          const up = hosts.filter((h) => linkOf(state, h.name).connection.kind === 'up');
          void runFleetCommand(hosts.length > 1 ? up : hosts, effect.command).then((outcome) =>
            dispatch({ type: 'command-done', id: effect.id, outcome }),
          );
          return;
        }
        case 'fetch-config': {
          const host = hostNamed(effect.host);
          host.api.reads.getAllConfigInfo().then(
            (configs) => dispatch({ type: 'config', host: host.name, configs }),
            (error: unknown) =>
              dispatch({
                type: 'config-failed',
                host: host.name,
                reason: failureText(error, host.serverUrl),
              }),
          );
          return;
        }
        case 'fetch-detail': {
          const host = hostNamed(effect.host);
          const support = linkOf(state, host.name).support.detail;
          void fetchDetail(host.api, support, effect, fromHost(host.name));
          return;
        }
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

    /** What a host's syncs report, marked as that host's. */
    const fromHost =
      (host: string) =>
      (input: DaemonInput): void =>
        dispatch({ ...input, host });

    const follower = createLogFollower({ host: hostNamed, clock, dispatch });
    screen.onKey(({ key, ch }) => dispatch({ type: 'key', key, ch }));
    screen.onResize(({ cols, rows }) => dispatch({ type: 'resize', cols, rows }));
    paint();
    void tickClock(clock, dispatch, running.signal);
    for (const host of hosts) {
      const common = {
        api: host.api,
        clock,
        dispatch: fromHost(host.name),
        signal: running.signal,
      };
      void syncProcesses({ ...common, serverUrl: host.serverUrl });
      void syncUsage({ ...common, host: host.name, state: () => state });
    }
  });
