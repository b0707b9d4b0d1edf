// The last bytes a channel produced, kept as references to the chunks themselves (no copying on
// the hot path) so a future `tail -f` or dashboard can show recent output without touching disk.

export class TailBuffer {
  private chunks: Uint8Array[] = [];
  private head = 0;
  private bytes = 0;

  constructor(private readonly capacity: number) {}

  push(chunk: Uint8Array): void {
    if (this.capacity <= 0 || chunk.length === 0) {
      return;
    }
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    // Forget whole chunks while the rest still covers the capacity.
    while (this.bytes - (this.chunks[this.head] as Uint8Array).length >= this.capacity) {
      this.bytes -= (this.chunks[this.head] as Uint8Array).length;
      this.head++;
    }
    if (this.head > 64 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }

  /** Up to `capacity` most recent bytes, oldest first (copied only here, on demand). */
  read(): Uint8Array {
    const length = Math.min(this.bytes, this.capacity);
    const out = new Uint8Array(length);
    let at = length;
    for (let i = this.chunks.length - 1; i >= this.head && at > 0; i--) {
      const chunk = this.chunks[i] as Uint8Array;
      const take = Math.min(chunk.length, at);
      out.set(chunk.subarray(chunk.length - take), at - take);
      at -= take;
    }
    return out;
  }
}
