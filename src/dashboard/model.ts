// The dashboard's reducer: (state, input) → next state and the effects to perform. Every change
// of what is shown goes through here; keys are handled in key-input.ts.

import { processKey } from './daemon-api.js';
import type { DashboardInput } from './inputs.js';
import { handleKey } from './key-input.js';
import { appendLogText, replaceLogText, retarget, scrollLog } from './log-pane.js';
import { keepInView, wantedLogTarget, withRows } from './navigation.js';
import { logViewport, type DashboardState } from './state.js';
import { statusMessage, unexpired } from './status-message.js';
import { only, type Step } from './step.js';
import { recordUsage } from './usage-history.js';

/** Sorts that depend on the figures: new figures may reorder the rows. */
const USAGE_SORTS = new Set(['cpu', 'memory', 'restarts']);

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
    case 'processes': {
      const [first] = input.processes;
      return only(
        withRows({
          ...state,
          processes: input.processes,
          loaded: true,
          serverOffsetMs:
            first === undefined ? state.serverOffsetMs : first.now * 1000 - input.receivedAtMs,
          connection: { kind: 'up' },
        }),
      );
    }
    case 'usage': {
      const next = { ...state, usage: recordUsage(state.usage, input.usage) };
      return only(USAGE_SORTS.has(state.sort) ? withRows(next) : next);
    }
    case 'health':
      return only({ ...state, health: new Map(input.health.map((h) => [h.key, h])) });
    case 'config':
      return only({
        ...state,
        config: {
          kind: 'loaded',
          byKey: new Map(input.configs.map((c) => [processKey(c.group, c.name), c])),
        },
      });
    case 'config-failed':
      return only({ ...state, config: { kind: 'failed', reason: input.reason } });
    case 'detail':
      // An answer for a page since closed, or another process's, is of no use.
      return only(
        state.page.kind === 'detail' && state.page.key === input.key
          ? { ...state, detail: { kind: 'loaded', key: input.key, info: input.info } }
          : state,
      );
    case 'support':
      return only({ ...state, support: { ...state.support, [input.feature]: input.support } });
    case 'connected':
      return only({ ...state, connection: { kind: 'up' } });
    case 'connection-lost': {
      const before = state.connection;
      return only({
        ...state,
        connection: {
          kind: 'lost',
          reason: input.reason,
          sinceMs: before.kind === 'lost' ? before.sinceMs : input.atMs,
          attempts: before.kind === 'lost' ? before.attempts + 1 : 1,
        },
      });
    }
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
