// The LogTailSource behind `GET /logtail/...` and `/mainlogtail` (supervisorctl tail -f): the
// last 1 KiB of a log file, then what is appended, polled every 100 ms like supervisord does.
// A replaced file (rotation, clear) is followed from its start once the old one is read to its
// end; a shrunk one is announced.

import type { Clock } from '../ports/clock.js';
import type { FileSystem, ReadableFile } from '../ports/file-system.js';
import type { LogChannel, LogTail, LogTailSource } from '../ports/log-tail.js';

export interface LogFollowerDeps {
  readonly fs: FileSystem;
  readonly clock: Pick<Clock, 'setTimer'>;
  /** the file of a process's log channel; null for an unknown name or an unconfigured log */
  readonly processLogPath: (namespec: string, channel: LogChannel) => string | null;
  /** null when the main log is not a file */
  readonly mainLogPath: () => string | null;
  /** default 100 ms */
  readonly pollMs?: number;
}

/** How much of the existing file a new follower gets first. */
const HEAD_BYTES = 1024;
/** The most one chunk carries, so a huge backlog never sits in memory at once. */
const CHUNK_BYTES = 64 * 1024;
const DEFAULT_POLL_MS = 100;
export const TRUNCATED_NOTICE = '==> File truncated <==\n';

interface OpenLog {
  readonly file: ReadableFile;
  /** identity of the file when opened; undefined when the platform cannot tell */
  readonly identity: string | undefined;
}

const openLog = async (fs: FileSystem, path: string): Promise<OpenLog | null> => {
  const opened = await fs.openRead(path);
  if (!opened.ok) {
    return null;
  }
  const stat = await fs.stat(path);
  return { file: opened.value, identity: stat.ok ? stat.value.identity : undefined };
};

/** Resolves after `ms`, or at once when the client goes away. */
const pause = (clock: LogFollowerDeps['clock'], ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      timer.cancel();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = clock.setTimer(ms, done);
    signal.addEventListener('abort', done, { once: true });
  });

async function* follow(
  deps: LogFollowerDeps,
  path: string,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array | string> {
  let current = await openLog(deps.fs, path);
  if (current === null) {
    return;
  }
  try {
    const initial = await current.file.size();
    if (!initial.ok) {
      return;
    }
    let position = Math.max(0, initial.value - HEAD_BYTES);
    while (!signal.aborted) {
      const size = await current.file.size();
      if (!size.ok) {
        return;
      }
      if (size.value < position) {
        position = 0;
        yield TRUNCATED_NOTICE;
        continue;
      }
      if (size.value > position) {
        const read = await current.file.read(
          position,
          Math.min(CHUNK_BYTES, size.value - position),
        );
        if (!read.ok) {
          return;
        }
        if (read.value.length > 0) {
          position += read.value.length;
          yield read.value;
          continue;
        }
      }
      // Caught up with the open file. If the name now holds another file (rotated, cleared),
      // move to it: only now, so the end of the old file is never skipped. A missing name
      // (deleted, not recreated yet) keeps the old descriptor.
      const atPath = await deps.fs.stat(path);
      const identity = atPath.ok ? atPath.value.identity : undefined;
      if (identity !== undefined && identity !== current.identity) {
        const reopened = await openLog(deps.fs, path);
        if (reopened !== null) {
          await current.file.close();
          current = reopened;
          position = 0;
          continue;
        }
      }
      await pause(deps.clock, deps.pollMs ?? DEFAULT_POLL_MS, signal);
    }
  } finally {
    await current.file.close();
  }
}

const openTail = async (deps: LogFollowerDeps, path: string | null): Promise<LogTail | null> => {
  if (path === null) {
    return null;
  }
  // No file yet (a process that never ran) is a 404, as in supervisord: it is temporary.
  const stat = await deps.fs.stat(path);
  if (!stat.ok) {
    return null;
  }
  return {
    modifiedMs: stat.value.modifiedMs ?? 0,
    follow: (signal) => follow(deps, path, signal),
  };
};

export const createLogFollower = (deps: LogFollowerDeps): LogTailSource => ({
  openProcessLog: (namespec, channel) => openTail(deps, deps.processLogPath(namespec, channel)),
  openMainLog: () => openTail(deps, deps.mainLogPath()),
});
