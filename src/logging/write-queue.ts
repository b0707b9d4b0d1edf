// The FIFO of chunks waiting to be written to one file: O(1) append, whole-queue batches without
// copying, and exact byte accounting for backpressure.

export class WriteQueue {
  private chunks: Uint8Array[] = [];
  private bytes = 0;

  get pendingBytes(): number {
    return this.bytes;
  }

  get isEmpty(): boolean {
    return this.chunks.length === 0;
  }

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }

  /**
   * Take the chunks for one write: everything, or the shortest prefix whose size reaches `limit`
   * (at least one chunk). Chunks are never split, so no byte is copied.
   */
  take(limit: number): Uint8Array[] {
    if (limit >= this.bytes) {
      const all = this.chunks;
      this.chunks = [];
      this.bytes = 0;
      return all;
    }
    let count = 0;
    let taken = 0;
    while (count < this.chunks.length && (count === 0 || taken < limit)) {
      taken += (this.chunks[count] as Uint8Array).length;
      count++;
    }
    this.bytes -= taken;
    return this.chunks.splice(0, count);
  }

  /** Put back what a short write left over, ahead of everything queued meanwhile. */
  putBack(batch: readonly Uint8Array[], written: number): void {
    const rest: Uint8Array[] = [];
    let skip = written;
    for (const chunk of batch) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      const part = skip > 0 ? chunk.subarray(skip) : chunk;
      skip = 0;
      rest.push(part);
      this.bytes += part.length;
    }
    this.chunks = rest.concat(this.chunks);
  }

  /** Drop everything (the file is unwritable); returns the bytes dropped. */
  clear(): number {
    const dropped = this.bytes;
    this.chunks = [];
    this.bytes = 0;
    return dropped;
  }
}

export const totalBytes = (chunks: readonly Uint8Array[]): number => {
  let n = 0;
  for (const c of chunks) {
    n += c.length;
  }
  return n;
};
