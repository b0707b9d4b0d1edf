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

export const concatenatedSha256 = async (paths: readonly string[]): Promise<string> => {
  const hash = createHash('sha256');
  for (const path of paths) {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      hash.update(chunk as Buffer);
    }
  }
  return hash.digest('hex');
};
