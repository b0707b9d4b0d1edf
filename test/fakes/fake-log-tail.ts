// A LogTailSource fed by the test: `append(name, text)` reaches every follower of that log at
// once; followers are counted, so a test can see them stop when the client goes away.

import type { LogChannel, LogTail, LogTailSource } from '../../src/ports/log-tail.js';

export interface FakeLogTail extends LogTailSource {
  /** namespec/channel → initial content; `main` for the main log. */
  readonly logs: Map<string, string>;
  append(key: string, text: string): void;
  /** Followers currently streaming. */
  active(): number;
}

export const logKey = (namespec: string, channel: LogChannel): string => `${namespec}/${channel}`;

export const fakeLogTail = (initial: Record<string, string> = {}): FakeLogTail => {
  const logs = new Map(Object.entries(initial));
  const followers = new Map<string, Set<(text: string) => void>>();
  let active = 0;

  const open = (key: string): Promise<LogTail | null> => {
    const content = logs.get(key);
    if (content === undefined) {
      return Promise.resolve(null);
    }
    return Promise.resolve({
      modifiedMs: Date.UTC(2026, 0, 2, 3, 4, 5),
      follow: async function* (signal: AbortSignal) {
        const queue: string[] = [content.slice(-1024)];
        let wake: () => void = () => undefined;
        const push = (text: string): void => {
          queue.push(text);
          wake();
        };
        const set = followers.get(key) ?? new Set();
        followers.set(key, set.add(push));
        signal.addEventListener('abort', () => wake());
        active += 1;
        try {
          while (!signal.aborted) {
            const next = queue.shift();
            if (next === undefined) {
              await new Promise<void>((resolve) => (wake = resolve));
            } else {
              yield next;
            }
          }
        } finally {
          active -= 1;
          set.delete(push);
        }
      },
    });
  };

  return {
    logs,
    append: (key, text) => {
      logs.set(key, (logs.get(key) ?? '') + text);
      for (const push of followers.get(key) ?? []) {
        push(text);
      }
    },
    active: () => active,
    openProcessLog: (namespec, channel) => open(logKey(namespec, channel)),
    openMainLog: () => open('main'),
  };
};
