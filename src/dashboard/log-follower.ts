// Follows the log the pane shows: reads its tail back, then streams it from /logtail (or
// /mainlogtail) until the pane wants another log; a missing file or a broken stream is reported
// and tried again a little later. Switches are debounced, so scrolling the table stays cheap.

import { FAULT_CODES } from '../model/faults.js';
import type { Clock } from '../ports/clock.js';
import type { LogStreamEnd } from '../ports/log-stream.js';
import type { DashboardApi } from './daemon-api.js';
import { delay, isAborted } from './delay.js';
import { faultDetail, failureText } from './failures.js';
import type { DashboardInput } from './inputs.js';
import { unseenPart } from './log-overlap.js';
import type { LogTarget } from './log-pane.js';
import type { DashboardState } from './state.js';

/** Streams a log path until `signal` aborts or the stream ends. */
export type OpenDashboardLog = (
  path: string,
  signal: AbortSignal,
  onData: (chunk: Uint8Array) => void,
) => Promise<LogStreamEnd>;

export interface LogFollowerDeps {
  readonly api: DashboardApi;
  readonly clock: Clock;
  readonly openLog: OpenDashboardLog;
  readonly dispatch: (input: DashboardInput) => void;
  readonly serverUrl: string;
}

export interface LogFollower {
  /** Call after every state change: starts following the pane's target if it changed. */
  sync(state: DashboardState): void;
  close(): void;
}

/** How much of a log is read back when the pane starts following it. */
export const HISTORY_BYTES = 32 * 1024;
const SWITCH_DELAY_MS = 150;
const RETRY_MS = 2000;

type History =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'none'; readonly reason: string; readonly retry: boolean };

const pathOf = (target: LogTarget): string =>
  target.kind === 'main' ? '/mainlogtail' : `/logtail/${target.namespec}/${target.channel}`;

const endText = (end: LogStreamEnd): string => {
  switch (end.kind) {
    case 'aborted':
    case 'ended':
      return 'the stream ended';
    case 'http-status':
      return end.status === 404 ? 'no log file yet' : `HTTP ${end.status}`;
    case 'connect-failed':
      return `cannot connect (${end.code})`;
    case 'failed':
      return `the stream broke (${end.message})`;
  }
};

export const createLogFollower = (deps: LogFollowerDeps): LogFollower => {
  const { api, clock, dispatch } = deps;
  let followingId: string | null = null;
  let session: AbortController | null = null;

  const readHistory = async (target: LogTarget): Promise<History> => {
    try {
      const text =
        target.kind === 'main'
          ? await api.reads.readLog(-HISTORY_BYTES)
          : await api.reads.readProcessLog(target.namespec, target.channel, -HISTORY_BYTES);
      return { kind: 'text', text };
    } catch (error) {
      const missing = faultDetail(error, FAULT_CODES.NO_FILE);
      if (missing === '') {
        return { kind: 'none', reason: 'no log file configured', retry: false };
      }
      if (missing !== null) {
        return { kind: 'none', reason: 'no log file yet', retry: true };
      }
      return { kind: 'none', reason: failureText(error, deps.serverUrl), retry: true };
    }
  };

  const follow = async (target: LogTarget, targetId: string, signal: AbortSignal) => {
    await delay(clock, SWITCH_DELAY_MS, signal);
    while (!signal.aborted) {
      const history = await readHistory(target);
      if (isAborted(signal)) {
        return;
      }
      if (history.kind === 'none') {
        dispatch({
          type: 'log-status',
          targetId,
          status: { kind: 'unavailable', reason: history.reason },
        });
        if (!history.retry) {
          return;
        }
      } else {
        dispatch({ type: 'log-text', targetId, text: history.text, replace: true });
        const decoder = new TextDecoder('utf-8');
        let first = true;
        const end = await deps.openLog(pathOf(target), signal, (chunk) => {
          const text = decoder.decode(chunk, { stream: true });
          dispatch({
            type: 'log-text',
            targetId,
            text: first ? unseenPart(history.text, text) : text,
            replace: false,
          });
          first = false;
        });
        if (end.kind === 'aborted' || isAborted(signal)) {
          return;
        }
        dispatch({
          type: 'log-status',
          targetId,
          status: { kind: 'unavailable', reason: endText(end) },
        });
      }
      await delay(clock, RETRY_MS, signal);
    }
  };

  const stop = (): void => {
    session?.abort();
    session = null;
  };

  return {
    sync: (state) => {
      const { target, targetId } = state.log;
      if (targetId === followingId) {
        return;
      }
      stop();
      followingId = targetId;
      if (target !== null) {
        const controller = new AbortController();
        session = controller;
        void follow(target, targetId, controller.signal);
      }
    },
    close: stop,
  };
};
