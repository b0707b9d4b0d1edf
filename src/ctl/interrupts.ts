// Ctrl-C while a command streams (`tail -f`, `maintail -f`, `fg`): the command watches for the
// next interrupt and stops cleanly. Outside a watch, the entry point decides what Ctrl-C does.

export interface InterruptWatch {
  /** Aborted by the next Ctrl-C. */
  readonly signal: AbortSignal;
  release(): void;
}

export interface Interrupts {
  watch(): InterruptWatch;
}
