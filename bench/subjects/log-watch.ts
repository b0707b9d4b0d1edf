// Waits, passively, until a log file holds `count` lines matching a pattern: the file is polled
// every few ms for appended bytes (no request to the daemon, so watching changes nothing about
// what is watched). Resolves with the wall-clock time the last needed line was seen. And the
// daemon's main log read whole, each line with the time the daemon stamped it.

import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

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

export interface MainLogLine {
  /** the daemon's own stamp, local time, ms resolution (only differences are meaningful) */
  readonly atMs: number;
  readonly level: string;
  readonly text: string;
}

// tssupervisord and supervisord write the same format: `YYYY-MM-DD HH:MM:SS,mmm LEVEL text`.
const MAIN_LOG_LINE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),(\d{3}) (\S+) (.*)$/;

/** The main log's stamped lines so far (none while it does not exist). */
export const readMainLog = (path: string): MainLogLine[] => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const lines: MainLogLine[] = [];
  for (const line of text.split('\n')) {
    const m = MAIN_LOG_LINE.exec(line);
    if (m !== null) {
      const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number);
      const atMs = new Date(y ?? 0, (mo ?? 1) - 1, d, h, mi, s, ms).getTime();
      lines.push({ atMs, level: m[8] ?? '', text: m[9] ?? '' });
    }
  }
  return lines;
};

export interface NamedStamp {
  /** the process name the line is about */
  readonly name: string;
  /** the daemon's stamp (see MainLogLine) */
  readonly atMs: number;
}

/** The daemon's `spawned: 'NAME' with pid N` lines so far, in order. */
export const spawnedLines = (path: string): NamedStamp[] => namedLines(path, SPAWNED_LINE);

/** The daemon's `success: NAME entered RUNNING state …` lines so far, in order. */
export const runningLines = (path: string): NamedStamp[] => namedLines(path, RUNNING_LINE);

/** The daemon's `spawnerr: …` lines so far (a spawn that failed, e.g. out of fds). */
export const spawnErrorLines = (path: string): MainLogLine[] =>
  readMainLog(path).filter((line) => line.text.startsWith('spawnerr: '));

const SPAWNED_LINE = /^spawned: '([^']+)' with pid \d+$/;
const RUNNING_LINE = /^success: (\S+) entered RUNNING state/;

const namedLines = (path: string, pattern: RegExp): NamedStamp[] =>
  readMainLog(path).flatMap(({ atMs, text }) => {
    const name = pattern.exec(text)?.[1];
    return name === undefined ? [] : [{ name, atMs }];
  });
