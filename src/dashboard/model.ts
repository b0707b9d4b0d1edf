// The dashboard's reducer: (state, input) → next state and the effects to perform. Every change
// of what is shown goes through here; keys are handled in key-input.ts.

import { processKey } from './daemon-api.js';
import type { DashboardInput } from './inputs.js';
import { handleKey } from './key-input.js';
import { appendLogText, replaceLogText, retarget, scrollLog } from './log-pane.js';
import { keepInView, wantedLogTarget, withRows } from './navigation.js';
import { hostKey, isHostKey, type HostLink } from './host-link.js';
import type { ProcessInfo } from '../protocol/process-info.js';
import { isFleet, logViewport, type DashboardState } from './state.js';
import { statusMessage, unexpired } from './status-message.js';
import { only, type Step } from './step.js';
import { recordUsage } from './usage-history.js';

/** Sorts that depend on the figures: new figures may reorder the rows. */
const USAGE_SORTS = new Set(['cpu', 'memory', 'restarts']);

type FromDaemon = Extract<DashboardInput, { readonly host: string }>;

const withLink = (
  state: DashboardState,
  host: string,
  change: (link: HostLink) => HostLink,
): DashboardState => ({
  ...state,
  hosts: state.hosts.map((link) => (link.name === host ? change(link) : link)),
});

/** Another host's processes, and this host's as it last answered. */
const replaceProcesses = (
  state: DashboardState,
  host: string,
  processes: readonly ProcessInfo[],
): DashboardState['processes'] => [
  ...state.processes.filter((p) => p.host !== host),
  ...processes.map((p) => ({ ...p, host })),
];

/** One daemon's answer, or news of its connection. */
const reduceDaemon = (state: DashboardState, input: FromDaemon): DashboardState => {
  const { host } = input;
  const keyed = (key: string) => hostKey(host, key);
  switch (input.type) {
    case 'processes': {
      const [first] = input.processes;
      const next = withLink(state, host, (link) => ({
        ...link,
        loaded: true,
        serverOffsetMs:
          first === undefined ? link.serverOffsetMs : first.now * 1000 - input.receivedAtMs,
        connection: { kind: 'up' },
      }));
      return withRows({ ...next, processes: replaceProcesses(state, host, input.processes) });
    }
    case 'usage': {
      const usage = input.usage.map((u) => ({ ...u, key: keyed(u.key) }));
      const next = { ...state, usage: recordUsage(state.usage, usage, host) };
      return USAGE_SORTS.has(state.sort) ? withRows(next) : next;
    }
    case 'health': {
      const health = new Map([...state.health].filter(([key]) => !isHostKey(host, key)));
      for (const h of input.health) {
        health.set(keyed(h.key), { ...h, key: keyed(h.key) });
      }
      return { ...state, health };
    }
    case 'config':
      return {
        ...state,
        config: {
          kind: 'loaded',
          byKey: new Map(input.configs.map((c) => [keyed(processKey(c.group, c.name)), c])),
        },
      };
    case 'config-failed':
      return { ...state, config: { kind: 'failed', reason: input.reason } };
    case 'detail':
      // An answer for a page since closed, or another process's, is of no use.
      return state.page.kind === 'detail' && state.page.key === input.key
        ? { ...state, detail: { kind: 'loaded', key: input.key, info: input.info } }
        : state;
    case 'support':
      return withLink(state, host, (link) => ({
        ...link,
        support: { ...link.support, [input.feature]: input.support },
      }));
    case 'connected':
      return withLink(state, host, (link) => ({ ...link, connection: { kind: 'up' } }));
    case 'connection-lost': {
      const next = withLink(state, host, (link) => {
        const before = link.connection;
        return {
          ...link,
          loaded: isFleet(state) ? false : link.loaded,
          connection: {
            kind: 'lost',
            reason: input.reason,
            sinceMs: before.kind === 'lost' ? before.sinceMs : input.atMs,
            attempts: before.kind === 'lost' ? before.attempts + 1 : 1,
          },
        };
      });
      // One daemon shows what it last told while it is away; in a fleet, a host that is
      // away is one row saying so, and its processes come back with its next answer.
      return isFleet(state)
        ? withRows({ ...next, processes: replaceProcesses(state, host, []) })
        : next;
    }
  }
};

const reduceInput = (state: DashboardState, input: DashboardInput): Step => {
  switch (input.type) {
    case 'key':
      return handleKey(state, input.key, input.ch);
    case 'resize': {
      const resized = keepInView({ ...state, size: { cols: input.cols, rows: input.rows } });
      const log = scrollLog(resized.log, 0, logViewport(resized));
      return only({ ...resized, log });
    }
    case 'tick':
      return only({ ...state, nowMs: input.nowMs, message: unexpired(state.message, input.nowMs) });
    case 'processes':
    case 'usage':
    case 'health':
    case 'config':
    case 'config-failed':
    case 'detail':
    case 'support':
    case 'connected':
    case 'connection-lost':
      return only(reduceDaemon(state, input));
    case 'log-text': {
      if (input.targetId !== state.log.targetId) {
        return only(state);
      }
      const log = input.replace
        ? replaceLogText(state.log, input.text)
        : appendLogText(state.log, input.text);
      return only({ ...state, log: { ...log, status: { kind: 'live' } } });
    }
    case 'log-status':
      return only(
        input.targetId === state.log.targetId
          ? { ...state, log: { ...state.log, status: input.status } }
          : state,
      );
    case 'command-done': {
      const pending = new Map(state.pending);
      pending.delete(input.id);
      const { ok, text } = input.outcome;
      const message = statusMessage(text, ok ? 'ok' : 'error', state.nowMs);
      return only({ ...state, pending, message });
    }
  }
};

export const reduce = (state: DashboardState, input: DashboardInput): Step => {
  const step = reduceInput(state, input);
  // Whatever moved the selection (keys, new rows, a filter), the log pane follows it.
  const log = retarget(step.state.log, wantedLogTarget(step.state));
  return log === step.state.log ? step : { ...step, state: { ...step.state, log } };
};
