// Follows the log the pane shows: reads its tail back, then streams it from /logtail (or
// /mainlogtail) until the pane wants another log; stdout and stderr together as both streams,
// merged (log-merge.ts). A missing file or a broken stream is reported and tried again a little
// later. Switches are debounced, so scrolling the table stays cheap.

import { FAULT_CODES } from '../model/faults.js';
import type { Clock } from '../ports/clock.js';
import type { LogStreamEnd } from '../ports/log-stream.js';
import type { HostClient } from './host-client.js';
import { delay, isAborted } from './delay.js';
import { faultDetail, failureText } from './failures.js';
import type { DashboardInput } from './inputs.js';
import { createLineTagger, mergeTails, type StreamName } from './log-merge.js';
import { unseenPart } from './log-overlap.js';
import type { LogTarget } from './log-pane.js';
import type { DashboardState } from './state.js';

export interface LogFollowerDeps {
  /** The daemon a log target's host names. */
  readonly host: (name: string) => HostClient;
  readonly clock: Clock;
  readonly dispatch: (input: DashboardInput) => void;
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

/** A single log's stream (`both` is streamed as its two channels). */
const pathOf = (target: LogTarget): string =>
  target.kind === 'main'
    ? '/mainlogtail'
    : `/logtail/${target.namespec}/${target.channel === 'stderr' ? 'stderr' : 'stdout'}`;

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

/** Follows one target's log on its daemon. */
const followerOn = (daemon: HostClient, deps: LogFollowerDeps) => {
  const { api, serverUrl } = daemon;
  const { clock, dispatch } = deps;

  /** One log read back: its text, or why there is none (and whether to try again). */
  const readTail = async (read: () => Promise<string>): Promise<History> => {
    try {
      return { kind: 'text', text: await read() };
    } catch (error) {
      const missing = faultDetail(error, FAULT_CODES.NO_FILE);
      if (missing === '') {
        return { kind: 'none', reason: 'no log file configured', retry: false };
      }
      if (missing !== null) {
        return { kind: 'none', reason: 'no log file yet', retry: true };
      }
      return { kind: 'none', reason: failureText(error, serverUrl), retry: true };
    }
  };

  const readChannel = (namespec: string, channel: StreamName): Promise<History> =>
    readTail(() => api.reads.readProcessLog(namespec, channel, -HISTORY_BYTES));

  /** Streams one log on from the end of `history`, each chunk through `shape`. */
  const stream = async (
    path: string,
    history: string,
    signal: AbortSignal,
    send: (text: string) => void,
  ): Promise<LogStreamEnd> => {
    const decoder = new TextDecoder('utf-8');
    let first = true;
    return daemon.openLog(path, signal, (chunk) => {
      const text = decoder.decode(chunk, { stream: true });
      const unseen = first ? unseenPart(history, text) : text;
      first = false;
      if (unseen !== '') {
        send(unseen);
      }
    });
  };

  /** Reads back the tail, then streams until the stream ends: how it ended, or why it did not. */
  type Followed =
    { readonly kind: 'ended'; readonly end: LogStreamEnd } | Extract<History, { kind: 'none' }>;

  const followOne = async (
    target: LogTarget,
    signal: AbortSignal,
    send: (text: string, replace: boolean) => void,
  ): Promise<Followed> => {
    const history =
      target.kind === 'main'
        ? await readTail(() => api.reads.readLog(-HISTORY_BYTES))
        : await readChannel(target.namespec, target.channel === 'stderr' ? 'stderr' : 'stdout');
    if (history.kind === 'none') {
      return history;
    }
    send(history.text, true);
    const end = await stream(pathOf(target), history.text, signal, (text) => send(text, false));
    return { kind: 'ended', end };
  };

  /** Both channels: their tails merged, then each stream's lines as they come, tagged. */
  const followBoth = async (
    namespec: string,
    signal: AbortSignal,
    send: (text: string, replace: boolean) => void,
  ): Promise<Followed> => {
    const channels = ['stdout', 'stderr'] as const;
    const tails = await Promise.all(channels.map((channel) => readChannel(namespec, channel)));
    const texts = tails.map((t) => (t.kind === 'text' ? t.text : null));
    const [missing] = tails.filter(
      (t): t is Extract<History, { kind: 'none' }> => t.kind === 'none',
    );
    if (texts.every((t) => t === null) && missing !== undefined) {
      // Neither has a log: say why (stdout's reason first).
      return missing;
    }
    send(mergeTails(texts[0] ?? '', texts[1] ?? ''), true);
    const both = new AbortController();
    const onAbort = () => both.abort();
    signal.addEventListener('abort', onAbort);
    try {
      const end = await Promise.race(
        channels.flatMap((channel, i) => {
          const text = texts[i];
          if (text === null || text === undefined) {
            return [];
          }
          const tagger = createLineTagger(channel);
          return [
            stream(`/logtail/${namespec}/${channel}`, text, both.signal, (raw) => {
              const lines = tagger.push(raw);
              if (lines !== '') {
                send(lines, false);
              }
            }),
          ];
        }),
      );
      return { kind: 'ended', end };
    } finally {
      signal.removeEventListener('abort', onAbort);
      both.abort();
    }
  };

  const follow = async (target: LogTarget, targetId: string, signal: AbortSignal) => {
    await delay(clock, SWITCH_DELAY_MS, signal);
    const send = (text: string, replace: boolean) =>
      dispatch({ type: 'log-text', targetId, text, replace });
    while (!signal.aborted) {
      const followed =
        target.kind === 'process' && target.channel === 'both'
          ? await followBoth(target.namespec, signal, send)
          : await followOne(target, signal, send);
      if (isAborted(signal)) {
        return;
      }
      if (followed.kind === 'ended' && followed.end.kind === 'aborted') {
        return;
      }
      const reason = followed.kind === 'ended' ? endText(followed.end) : followed.reason;
      dispatch({ type: 'log-status', targetId, status: { kind: 'unavailable', reason } });
      if (followed.kind === 'none' && !followed.retry) {
        return;
      }
      await delay(clock, RETRY_MS, signal);
    }
  };
  return follow;
};

export const createLogFollower = (deps: LogFollowerDeps): LogFollower => {
  let followingId: string | null = null;
  let session: AbortController | null = null;

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
        void followerOn(deps.host(target.host), deps)(target, targetId, controller.signal);
      }
    },
    close: stop,
  };
};
