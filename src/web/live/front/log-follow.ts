// Follows one log live for a log view: the daemon's /logtail/<name>/<channel> or /mainlogtail
// stream (supervisorctl's `tail -f`), read as text while it grows. When the stream ends (the
// daemon restarted, the network dropped) it starts over after a pause, telling the view, which
// begins afresh: the stream starts with the log's last kilobyte again.

import { retryDelayMs } from './retry-delay.js';
import type { UiClock } from './ui-clock.js';
import type { Fetch } from './fetch-caller.js';

export type LogSource =
  | { readonly kind: 'process'; readonly namespec: string; readonly channel: 'stdout' | 'stderr' }
  | { readonly kind: 'main' };

/** Relative to the page (/ui/), like every URL the UI uses. */
export const logUrl = (source: LogSource): string =>
  source.kind === 'main'
    ? '../mainlogtail'
    : `../logtail/${encodeURIComponent(source.namespec)}/${source.channel}`;

export interface LogFollowEvents {
  /** A (re)connection began: drop what was shown. */
  readonly onStart: () => void;
  readonly onText: (text: string) => void;
  /** null while streaming; else why not, and when the next try is. */
  readonly onProblem: (problem: string | null) => void;
}

/** Runs until `signal` aborts. */
export const followLog = async (
  source: LogSource,
  deps: { readonly fetch: Fetch; readonly clock: UiClock },
  events: LogFollowEvents,
  signal: AbortSignal,
): Promise<void> => {
  const stopped = (): boolean => signal.aborted;
  let failures = 0;
  while (!stopped()) {
    const problem = await streamOnce(source, deps.fetch, events, signal);
    if (stopped()) {
      return;
    }
    failures = problem === null ? 1 : failures + 1;
    const waitMs = retryDelayMs(failures);
    events.onProblem(
      `${problem ?? 'the stream ended'}; trying again in ${Math.ceil(waitMs / 1000)} s`,
    );
    await deps.clock.sleep(waitMs, signal);
  }
};

/** One stream to its end: null when it ended by itself, else the problem. */
const streamOnce = async (
  source: LogSource,
  fetchFn: Fetch,
  events: LogFollowEvents,
  signal: AbortSignal,
): Promise<string | null> => {
  try {
    const response = await fetchFn(logUrl(source), {
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
    if (!response.ok || response.body === null) {
      return response.status === 404 ? 'no such log' : `HTTP ${response.status}`;
    }
    events.onStart();
    events.onProblem(null);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        return null;
      }
      events.onText(decoder.decode(value, { stream: true }));
    }
  } catch (error: unknown) {
    return signal.aborted
      ? null
      : `the daemon cannot be reached (${error instanceof Error ? error.message : String(error)})`;
  }
};
