// Frames a channel's output into lines for a LineRenderer: whole lines are rendered as soon as
// their \n arrives, however the reads cut them; the unfinished last line is held until the rest
// comes, or until the caller flushes it (after a delay, at EOF) or it grows past a limit.
// Pure: no clock, no timers — the caller passes the time and owns the delay.

import { Buffer } from 'node:buffer';

import type { LineRenderer } from './line-renderers.js';

/** An unfinished line longer than this is written out as a partial line at once. */
export const DEFAULT_MAX_HELD_BYTES = 64 * 1024;

const NEWLINE = Uint8Array.of(0x0a);

/**
 * A long chunk is rendered in blocks of about this size, each cut after a newline: the text a
 * block renders to stays a young-generation string instead of a large object for V8 to collect.
 */
export const RENDER_BLOCK_BYTES = 64 * 1024;

/**
 * How many bytes at the end of `bytes` are the start of a UTF-8 character whose other bytes have
 * not arrived yet (0–3), so that a flushed partial line does not cut a character in two.
 */
export const incompleteUtf8Tail = (bytes: Uint8Array): number => {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const byte = bytes[n - back] as number;
    if (byte < 0x80) {
      return 0;
    }
    if (byte >= 0xc0) {
      const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needs > back ? back : 0;
    }
    // a continuation byte: look further back for its lead byte
  }
  return 0;
};

export class LineFormatter {
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  /** the beginning of the current line was already written (as a flushed partial) */
  private continues = false;
  private heldFrom = 0;

  constructor(
    private readonly renderer: LineRenderer,
    private readonly maxHeldBytes = DEFAULT_MAX_HELD_BYTES,
  ) {}

  /** Whether an unfinished line is held (the caller arms its flush delay). */
  get holding(): boolean {
    return this.heldBytes > 0;
  }

  /** The time passed with the first held byte of the unfinished line (when `holding`). */
  get heldSinceMs(): number {
    return this.heldFrom;
  }

  /** Bytes to write for this chunk, in order (often one buffer, sometimes none). */
  push(chunk: Uint8Array, wallMs: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    let from = 0;
    // Each block but the last ends with a newline, so the output is the same as in one go.
    while (chunk.length - from > RENDER_BLOCK_BYTES) {
      const before = chunk.lastIndexOf(0x0a, from + RENDER_BLOCK_BYTES - 1);
      const after = before >= from ? before : chunk.indexOf(0x0a, from + RENDER_BLOCK_BYTES);
      if (after === -1) {
        break;
      }
      this.pushBlock(chunk.subarray(from, after + 1), wallMs, out);
      from = after + 1;
    }
    this.pushBlock(from === 0 ? chunk : chunk.subarray(from), wallMs, out);
    return out;
  }

  private pushBlock(chunk: Uint8Array, wallMs: number, out: Uint8Array[]): void {
    const last = chunk.lastIndexOf(0x0a);
    let rest = chunk;
    if (last !== -1) {
      const end = chunk.subarray(0, last + 1);
      const block = this.heldBytes === 0 ? end : this.takeHeld(end);
      out.push(this.renderer.lines(block, wallMs, this.continues));
      this.continues = false;
      rest = chunk.subarray(last + 1);
    }
    if (rest.length > 0) {
      if (this.heldBytes === 0) {
        this.heldFrom = wallMs;
      }
      // Held past this call: copied (the chunk is lent; ByteSink).
      this.held.push(Buffer.from(rest));
      this.heldBytes += rest.length;
      if (this.heldBytes >= this.maxHeldBytes) {
        this.flushInto(out, wallMs);
      }
    }
  }

  /**
   * The delay is over: write the held partial line now, with its head if this line has none yet;
   * the rest of the line continues it later. A UTF-8 character cut by the reads stays held.
   */
  flushPartial(wallMs: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    this.flushInto(out, wallMs);
    return out;
  }

  /**
   * EOF: the unfinished line is finished as if a \n had come, so that the next child's output
   * starts a line of its own.
   */
  end(wallMs: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (this.heldBytes > 0) {
      out.push(this.renderer.lines(this.takeHeld(NEWLINE), wallMs, this.continues));
    } else if (this.continues) {
      const ending = this.renderer.endContinued();
      if (ending !== null) {
        out.push(ending);
      }
    }
    this.continues = false;
    return out;
  }

  private flushInto(out: Uint8Array[], wallMs: number): void {
    if (this.heldBytes === 0) {
      return;
    }
    const bytes = this.takeHeld(null);
    const keep = incompleteUtf8Tail(bytes);
    if (keep === bytes.length) {
      this.held = [bytes];
      this.heldBytes = bytes.length;
      return;
    }
    out.push(this.renderer.partial(bytes.subarray(0, bytes.length - keep), wallMs, this.continues));
    this.continues = true;
    if (keep > 0) {
      this.held = [bytes.subarray(bytes.length - keep)];
      this.heldBytes = keep;
    }
  }

  /** The held bytes (plus `end`) as one buffer; nothing is held afterwards. */
  private takeHeld(end: Uint8Array | null): Uint8Array {
    const parts = end === null ? this.held : [...this.held, end];
    this.held = [];
    this.heldBytes = 0;
    return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  }
}
