// strip_ansi: removes `ESC [` … up to a terminator (H f A B C D R s u J K h l p m) from a byte
// stream, like supervisord, but keeps its place across chunks so a split sequence is still removed.

const ESC = 0x1b;
const BRACKET = 0x5b;
const TERMINATOR_CHARS = 'HfABCDRsuJKhlpm';
const TERMINATORS = new Set(
  Array.from({ length: TERMINATOR_CHARS.length }, (_, i) => TERMINATOR_CHARS.charCodeAt(i)),
);
const HELD_ESC = Uint8Array.of(ESC);

type Place = 'text' | 'escape' | 'sequence';

export class AnsiStripper {
  private place: Place = 'text';

  /** The chunk without escape sequences; the chunk itself when it holds none (no copy). */
  strip(chunk: Uint8Array): Uint8Array {
    if (this.place === 'text' && !chunk.includes(ESC)) {
      return chunk;
    }
    const kept: Uint8Array[] = [];
    let i = 0;
    if (this.place === 'escape') {
      // An ESC ended the previous chunk: it starts a sequence only if '[' follows.
      if (chunk.length === 0) {
        return chunk;
      }
      if (chunk[0] === BRACKET) {
        this.place = 'sequence';
        i = 1;
      } else {
        kept.push(HELD_ESC);
        this.place = 'text';
      }
    }
    while (i < chunk.length) {
      if (this.place === 'sequence') {
        while (i < chunk.length && !TERMINATORS.has(chunk[i] as number)) {
          i++;
        }
        if (i < chunk.length) {
          this.place = 'text';
          i++;
        }
        continue;
      }
      const esc = chunk.indexOf(ESC, i);
      if (esc === -1) {
        kept.push(chunk.subarray(i));
        break;
      }
      kept.push(chunk.subarray(i, esc));
      if (esc + 1 === chunk.length) {
        this.place = 'escape';
        i = esc + 1;
      } else if (chunk[esc + 1] === BRACKET) {
        this.place = 'sequence';
        i = esc + 2;
      } else {
        kept.push(HELD_ESC);
        i = esc + 1;
      }
    }
    return concat(kept);
  }

  /** At end of stream: a lone ESC held back from the last chunk is output after all. */
  end(): Uint8Array {
    const held = this.place === 'escape' ? HELD_ESC : new Uint8Array(0);
    this.place = 'text';
    return held;
  }
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  let length = 0;
  for (const p of parts) {
    length += p.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
