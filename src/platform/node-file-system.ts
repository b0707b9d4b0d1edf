// The real FileSystem port on node:fs (callback API: the cheapest path to libuv's threadpool).
// Errors become FsOutcome values; nothing here throws.

import fs from 'node:fs';

import { isNetworkFileSystem } from './network-file-systems.js';

import type {
  FileStat,
  FileSystem,
  FsError,
  FsOutcome,
  ReadableFile,
  WritableFile,
  WriteMode,
} from '../ports/file-system.js';

const { O_WRONLY, O_CREAT, O_APPEND, O_TRUNC, O_EXCL } = fs.constants;

const FLAGS: Record<WriteMode, number> = {
  append: O_WRONLY | O_CREAT | O_APPEND,
  truncate: O_WRONLY | O_CREAT | O_TRUNC | O_APPEND,
  exclusive: O_WRONLY | O_CREAT | O_EXCL | O_APPEND,
  // Devices and pipes refuse nothing here; O_TRUNC is a no-op on them.
  write: O_WRONLY | O_CREAT | O_TRUNC,
};

const toError = (error: NodeJS.ErrnoException): FsError => ({
  code: error.code ?? 'EUNKNOWN',
  message: error.message,
});

const ok = <T>(value: T): FsOutcome<T> => ({ ok: true, value });
const failed = <T>(error: NodeJS.ErrnoException): FsOutcome<T> => ({
  ok: false,
  error: toError(error),
});

/**
 * Run a node:fs call; a synchronous throw (a path with a NUL byte, an invalid argument) becomes a
 * failed outcome like any error the callback reports.
 */
const attempt = <T>(
  run: (resolve: (outcome: FsOutcome<T>) => void) => void,
): Promise<FsOutcome<T>> =>
  new Promise((resolve) => {
    try {
      run(resolve);
    } catch (error) {
      resolve(failed(error as NodeJS.ErrnoException));
    }
  });

/** Adapt a node callback `(err, value)` to a promise of an outcome. */
const settle =
  <T>(resolve: (outcome: FsOutcome<T>) => void) =>
  (error: NodeJS.ErrnoException | null, value: T): void =>
    resolve(error === null ? ok(value) : failed(error));

const fstatSize = (fd: number): Promise<FsOutcome<number>> =>
  attempt((resolve) =>
    fs.fstat(fd, (error, stats) => resolve(error === null ? ok(stats.size) : failed(error))),
  );

const closeFd = (fd: number): Promise<FsOutcome<undefined>> =>
  attempt((resolve) => fs.close(fd, (error) => resolve(error ? failed(error) : ok(undefined))));

class NodeWritableFile implements WritableFile {
  readonly writeNow: ((chunk: Uint8Array) => FsOutcome<number>) | null;

  constructor(
    private readonly fd: number,
    direct: boolean,
  ) {
    this.writeNow = direct ? (chunk) => this.writeOnThisThread(chunk) : null;
  }

  private writeOnThisThread(chunk: Uint8Array): FsOutcome<number> {
    try {
      return ok(fs.writeSync(this.fd, chunk));
    } catch (error) {
      return failed(error as NodeJS.ErrnoException);
    }
  }

  writev(chunks: readonly Uint8Array[]): Promise<FsOutcome<number>> {
    // libuv splits at IOV_MAX and resumes after partial writes itself.
    return attempt((resolve) => fs.writev(this.fd, chunks, settle(resolve)));
  }

  size(): Promise<FsOutcome<number>> {
    return fstatSize(this.fd);
  }

  close(): Promise<FsOutcome<undefined>> {
    return closeFd(this.fd);
  }
}

class NodeReadableFile implements ReadableFile {
  constructor(private readonly fd: number) {}

  size(): Promise<FsOutcome<number>> {
    return fstatSize(this.fd);
  }

  async read(position: number, length: number): Promise<FsOutcome<Uint8Array>> {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const step = await attempt<number>((resolve) =>
        fs.read(this.fd, buffer, filled, length - filled, position + filled, settle(resolve)),
      );
      if (!step.ok) {
        return step;
      }
      if (step.value === 0) {
        break;
      }
      filled += step.value;
    }
    return ok(buffer.subarray(0, filled));
  }

  close(): Promise<FsOutcome<undefined>> {
    return closeFd(this.fd);
  }
}

/**
 * Whether writes to this open file may run on the calling thread: only a regular file on a local
 * file system, where a write lands in the page cache. A pipe or device (/dev/stdout) can block
 * for as long as its reader lets it, a network file system for as long as its server.
 */
const writesDirectly = async (fd: number, path: string): Promise<boolean> => {
  const stats = await attempt<fs.Stats>((resolve) => fs.fstat(fd, settle(resolve)));
  if (!stats.ok || !stats.value.isFile()) {
    return false;
  }
  const volume = await attempt<fs.StatsFs>((resolve) => fs.statfs(path, settle(resolve)));
  return volume.ok && !isNetworkFileSystem(volume.value.type);
};

export class NodeFileSystem implements FileSystem {
  stat(path: string): Promise<FsOutcome<FileStat>> {
    return attempt((resolve) =>
      fs.stat(path, (error, stats) => {
        if (error !== null) {
          resolve(failed(error));
          return;
        }
        const kind = stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
        resolve(
          ok({
            kind,
            size: stats.size,
            identity: `${stats.dev}:${stats.ino}`,
            modifiedMs: stats.mtimeMs,
          }),
        );
      }),
    );
  }

  async openWrite(
    path: string,
    mode: WriteMode,
    permissions: number,
  ): Promise<FsOutcome<WritableFile>> {
    const opened = await attempt<number>((resolve) =>
      fs.open(path, FLAGS[mode], permissions, settle(resolve)),
    );
    return opened.ok
      ? ok(new NodeWritableFile(opened.value, await writesDirectly(opened.value, path)))
      : opened;
  }

  openRead(path: string): Promise<FsOutcome<ReadableFile>> {
    return attempt((resolve) =>
      fs.open(path, 'r', (error, fd) =>
        resolve(error === null ? ok(new NodeReadableFile(fd)) : failed(error)),
      ),
    );
  }

  rename(from: string, to: string): Promise<FsOutcome<undefined>> {
    return attempt((resolve) =>
      fs.rename(from, to, (error) => resolve(error ? failed(error) : ok(undefined))),
    );
  }

  unlink(path: string): Promise<FsOutcome<undefined>> {
    return attempt((resolve) =>
      fs.unlink(path, (error) => resolve(error ? failed(error) : ok(undefined))),
    );
  }

  readDirectory(path: string): Promise<FsOutcome<readonly string[]>> {
    return attempt((resolve) => fs.readdir(path, settle(resolve)));
  }
}
