// Waits, passively, until a log file holds `count` lines matching a pattern: the file is polled
// every few ms for appended bytes (no request to the daemon, so watching changes nothing about
// what is watched). Resolves with the wall-clock time the last needed line was seen.

import { closeSync, openSync, readSync } from 'node:fs';

import { sleep, wallMs } from '../clock.js';

export interface LineWait {
  readonly path: string;
  readonly pattern: RegExp;
  readonly count: number;
  readonly timeoutMs: number;
}

export const waitForLines = async ({
  path,
  pattern,
  count,
  timeoutMs,
}: LineWait): Promise<number> => {
  const everyMs = 5;
  const deadline = performance.now() + timeoutMs;
  let offset = 0;
  let partial = '';
  let seen = 0;
  const buffer = Buffer.alloc(1024 * 1024);
  for (;;) {
    let fd: number | null = null;
    try {
      fd = openSync(path, 'r');
    } catch {
      fd = null;
    }
    if (fd !== null) {
      try {
        for (;;) {
          const n = readSync(fd, buffer, 0, buffer.length, offset);
          if (n === 0) {
            break;
          }
          offset += n;
          const lines = (partial + buffer.subarray(0, n).toString('utf8')).split('\n');
          partial = lines.pop() ?? '';
          seen += lines.filter((line) => pattern.test(line)).length;
        }
      } finally {
        closeSync(fd);
      }
      if (seen >= count) {
        return wallMs();
      }
    }
    if (performance.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms: ${seen}/${count} lines like ${pattern} in ${path}`,
      );
    }
    await sleep(everyMs);
  }
};
