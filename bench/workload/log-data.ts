// The 256 MiB a loud child writes: numbered 128-byte ASCII lines (so any loss, duplicate or
// reordering changes the hash), written once per bench run, with its SHA-256.

import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LINE_BYTES = 128;

export interface LogData {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export const writeLogData = (dir: string, bytes: number): LogData => {
  const path = join(dir, 'log-data.txt');
  const lines = Math.floor(bytes / LINE_BYTES);
  const filler = 'abcdefghijklmnopqrstuvwxyz0123456789'
    .repeat(4)
    .slice(0, LINE_BYTES - 'line 000000000 '.length - 1);
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  try {
    const perChunk = 8192;
    for (let first = 0; first < lines; first += perChunk) {
      let text = '';
      for (let i = first; i < Math.min(lines, first + perChunk); i++) {
        text += `line ${String(i).padStart(9, '0')} ${filler}\n`;
      }
      const chunk = Buffer.from(text, 'latin1');
      hash.update(chunk);
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  return { path, bytes: lines * LINE_BYTES, sha256: hash.digest('hex') };
};
