// Reading back what a supervisor wrote for the loud child: the total size of its log files
// (rotated ones and the live one), and the SHA-256 of their concatenation, oldest first.

import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';

export const sizeOf = (path: string): number | null => {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
};

export const existing = (paths: readonly string[]): string[] =>
  paths.filter((p) => sizeOf(p) !== null);

export const totalSize = (paths: readonly string[]): number =>
  paths.reduce((sum, p) => sum + (sizeOf(p) ?? 0), 0);

/**
 * The SHA-256 of the files' lines with the first `headBytes` of each line left out (a
 * log_format=timestamped log, whose lines are `<stamp> <line>`): the program's own bytes.
 */
export const unstampedSha256 = async (
  paths: readonly string[],
  headBytes: number,
): Promise<string> => {
  const hash = createHash('sha256');
  let rest = Buffer.alloc(0);
  for (const path of paths) {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      const data = rest.length === 0 ? (chunk as Buffer) : Buffer.concat([rest, chunk as Buffer]);
      let from = 0;
      for (let end = data.indexOf(0x0a, from); end !== -1; end = data.indexOf(0x0a, from)) {
        hash.update(data.subarray(from + headBytes, end + 1));
        from = end + 1;
      }
      rest = Buffer.from(data.subarray(from));
    }
  }
  hash.update(rest.subarray(Math.min(headBytes, rest.length)));
  return hash.digest('hex');
};

export const concatenatedSha256 = async (paths: readonly string[]): Promise<string> => {
  const hash = createHash('sha256');
  for (const path of paths) {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      hash.update(chunk as Buffer);
    }
  }
  return hash.digest('hex');
};
