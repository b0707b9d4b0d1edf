// Time as the live UI's code sees it: main.ts hands in the browser's clock and timers, tests a
// fake; nothing else reads the time or arms a timer.

export interface UiClock {
  nowMs(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}
