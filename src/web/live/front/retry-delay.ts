// How long the live UI waits before trying the daemon again after a failure: quick at first (a
// restart takes well under a second), then up to 5 s apart.

const FIRST_MS = 250;
const LAST_MS = 5_000;

/** `failures` in a row so far, 1 for the first. */
export const retryDelayMs = (failures: number): number =>
  Math.min(LAST_MS, FIRST_MS * 2 ** Math.max(0, failures - 1));
