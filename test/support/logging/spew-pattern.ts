// The byte pattern test/fixtures/programs/spew.mjs writes, regenerated for verification: 4096-byte
// blocks, each its 15-digit index and a newline, then fixed filler lines.

import type { FileSystem } from '../../../src/ports/file-system.js';

const BLOCK = 4096;
const HEADER = 16;

const filler = ((): Uint8Array => {
  const f = new Uint8Array(BLOCK - HEADER);
  for (let i = 0; i < f.length; i++) {
    f[i] = i % 80 === 79 ? 0x0a : 0x21 + (((i % 80) + Math.floor(i / 80)) % 90);
  }
  return f;
})();

/** Bytes [from, from + length) of the spew stream. */
export const spewBytes = (from: number, length: number): Buffer => {
  const firstBlock = Math.floor(from / BLOCK);
  const lastBlock = Math.floor((from + length - 1) / BLOCK);
  const out = Buffer.alloc((lastBlock - firstBlock + 1) * BLOCK);
  for (let k = firstBlock; k <= lastBlock; k++) {
    const at = (k - firstBlock) * BLOCK;
    out.write(`${String(k).padStart(15, '0')}\n`, at, 'latin1');
    out.set(filler, at + HEADER);
  }
  const skip = from - firstBlock * BLOCK;
  return out.subarray(skip, skip + length);
};

export type SpewCheck =
  { readonly ok: true; readonly bytes: number } | { readonly ok: false; readonly reason: string };

const READ_SIZE = 4 * 1024 * 1024;

/**
 * Check that `paths`, concatenated in order, hold exactly the first `total` bytes of the spew
 * stream — reading a few MiB at a time, so a 256 MiB check never holds the stream in memory.
 */
export const checkSpewFiles = async (
  fs: FileSystem,
  paths: readonly string[],
  total: number,
): Promise<SpewCheck> => {
  let position = 0;
  for (const path of paths) {
    const opened = await fs.openRead(path);
    if (!opened.ok) {
      return { ok: false, reason: `${path}: ${opened.error.message}` };
    }
    const file = opened.value;
    try {
      for (let offset = 0; ;) {
        const read = await file.read(offset, READ_SIZE);
        if (!read.ok) {
          return { ok: false, reason: `${path}: ${read.error.message}` };
        }
        const data = read.value;
        if (data.length === 0) {
          break;
        }
        if (position + data.length > total) {
          return { ok: false, reason: `${path}: more than ${total} bytes in all` };
        }
        const expected = spewBytes(position, data.length);
        if (!expected.equals(data)) {
          let i = 0;
          while (data[i] === expected[i]) {
            i++;
          }
          return {
            ok: false,
            reason: `${path}+${offset + i}: stream byte ${position + i} differs`,
          };
        }
        offset += data.length;
        position += data.length;
      }
    } finally {
      await file.close();
    }
  }
  return position === total
    ? { ok: true, bytes: position }
    : { ok: false, reason: `only ${position} of ${total} bytes` };
};
