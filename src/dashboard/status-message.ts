// The status line's message (a command's outcome, a word about a key) and how long it stays:
// a few seconds, errors longer; the one-second tick clears it once it is over. Pure.

export interface StatusMessage {
  readonly text: string;
  readonly tone: 'info' | 'ok' | 'error';
  /** The dashboard's clock when it was said. */
  readonly sinceMs: number;
}

/** How long a message stays, by tone: an error is worth a longer look. */
export const MESSAGE_MS: Readonly<Record<StatusMessage['tone'], number>> = {
  info: 4000,
  ok: 6000,
  error: 12_000,
};

export const statusMessage = (
  text: string,
  tone: StatusMessage['tone'],
  nowMs: number,
): StatusMessage => ({ text, tone, sinceMs: nowMs });

/** The message while it lasts, null after. */
export const unexpired = (message: StatusMessage | null, nowMs: number): StatusMessage | null =>
  message !== null && nowMs - message.sinceMs < MESSAGE_MS[message.tone] ? message : null;
