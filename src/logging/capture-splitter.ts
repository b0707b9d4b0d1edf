// Capture mode (*_capture_maxbytes > 0) as a pure splitter: output between
// <!--XSUPERVISOR:BEGIN--> and <!--XSUPERVISOR:END--> becomes one PROCESS_COMMUNICATION event;
// the rest is ordinary output. Tokens may be split across reads; the tokens themselves vanish.

const encoder = new TextEncoder();
export const BEGIN_TOKEN = encoder.encode('<!--XSUPERVISOR:BEGIN-->');
export const END_TOKEN = encoder.encode('<!--XSUPERVISOR:END-->');

export type CapturePiece =
  /** outside the tokens: the log file, tail, debug copy and PROCESS_LOG events */
  | { readonly kind: 'output'; readonly data: Uint8Array }
  /** inside the tokens: not the log file, but the debug copy and PROCESS_LOG events still */
  | { readonly kind: 'captured'; readonly data: Uint8Array }
  /** an END token closed a capture: its text (at most maxBytes, the newest kept) */
  | { readonly kind: 'communication'; readonly data: Uint8Array };

const EMPTY = new Uint8Array(0);

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** Where `token` starts in `data`, or -1. */
const indexOfToken = (data: Uint8Array, token: Uint8Array): number =>
  Buffer.from(data.buffer, data.byteOffset, data.length).indexOf(token);

/** The length of the longest proper prefix of `token` that `data` ends with. */
const partialTokenAtEnd = (data: Uint8Array, token: Uint8Array): number => {
  for (let k = Math.min(token.length - 1, data.length); k > 0; k--) {
    let matches = true;
    for (let i = 0; i < k && matches; i++) {
      matches = data[data.length - k + i] === token[i];
    }
    if (matches) {
      return k;
    }
  }
  return 0;
};

export class CaptureSplitter {
  private capturing = false;
  /** bytes that may be the start of the token we are looking for */
  private held: Uint8Array = EMPTY;
  private captured: Uint8Array[] = [];
  private capturedBytes = 0;

  constructor(private readonly maxBytes: number) {}

  /**
   * Split a chunk. Unlike supervisord, ordinary output is passed on at once (only a possible
   * token start is held back), so a short last line is neither delayed nor lost at exit.
   */
  push(chunk: Uint8Array): CapturePiece[] {
    const pieces: CapturePiece[] = [];
    let data = this.held.length === 0 ? chunk : concat([this.held, chunk]);
    this.held = EMPTY;
    for (;;) {
      const token = this.capturing ? END_TOKEN : BEGIN_TOKEN;
      const at = indexOfToken(data, token);
      if (at === -1) {
        const keep = partialTokenAtEnd(data, token);
        this.emit(pieces, data.subarray(0, data.length - keep));
        this.held = data.slice(data.length - keep);
        return pieces;
      }
      this.emit(pieces, data.subarray(0, at));
      this.toggle(pieces);
      data = data.subarray(at + token.length);
    }
  }

  /** The stream ended: a held-back partial token was just text after all. */
  end(): CapturePiece[] {
    const pieces: CapturePiece[] = [];
    this.emit(pieces, this.held);
    this.held = EMPTY;
    return pieces;
  }

  private emit(pieces: CapturePiece[], data: Uint8Array): void {
    if (data.length === 0) {
      return;
    }
    if (!this.capturing) {
      pieces.push({ kind: 'output', data });
      return;
    }
    // Copied: the caller's chunk may be reused, and the capture outlives it.
    const copy = data.slice();
    pieces.push({ kind: 'captured', data: copy });
    this.captured.push(copy);
    this.capturedBytes += copy.length;
    this.bound();
  }

  private toggle(pieces: CapturePiece[]): void {
    if (this.capturing) {
      pieces.push({ kind: 'communication', data: concat(this.captured) });
      this.captured = [];
      this.capturedBytes = 0;
    }
    this.capturing = !this.capturing;
  }

  /** Keep only the newest maxBytes of a capture. */
  private bound(): void {
    while (this.capturedBytes > this.maxBytes) {
      const oldest = this.captured[0];
      if (oldest === undefined) {
        return;
      }
      const excess = this.capturedBytes - this.maxBytes;
      if (oldest.length <= excess) {
        this.captured.shift();
        this.capturedBytes -= oldest.length;
      } else {
        this.captured[0] = oldest.subarray(excess);
        this.capturedBytes -= excess;
      }
    }
  }
}
