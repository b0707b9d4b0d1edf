// The per-process output port: where a spawned child's stdout/stderr go (log files, events). The
// engine only attaches children; logging/ implements it; the daemon wires the two.

import type { ChildHandle } from './spawner.js';

export interface ProcessOutput {
  /** Resolved stdout log path (AUTO already turned into a file name), or null for NONE. */
  readonly stdoutPath: string | null;
  /** Resolved stderr log path, or null (NONE, or redirect_stderr). */
  readonly stderrPath: string | null;
  /**
   * Start pumping a freshly spawned child's pipes until EOF. Output of an earlier child still
   * being drained is not lost: each child's pipes are read to the end.
   */
  attach(child: ChildHandle): void;
  /** The process object is going away (group removed, daemon exiting): release files when drained. */
  close(): Promise<void>;
}
