// The FileSystem port: the few file operations logging needs (append/rotate/reopen log files, read
// them back for the RPC layer, clean AUTO logs). platform/node-file-system.ts is the real one.
// Every operation reports failure as data (an errno code), never by throwing.

export interface FsError {
  /** errno name such as 'ENOENT', 'ENOSPC', 'EACCES' ('EUNKNOWN' when there is none) */
  readonly code: string;
  readonly message: string;
}

export type FsOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FsError };

export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  /** 'other' covers character devices, pipes and sockets (e.g. what /dev/stdout points at). */
  readonly kind: FileKind;
  readonly size: number;
  /** `dev:ino`: a new value at the same path means the file was replaced (log rotation) */
  readonly identity?: string;
  /** last modification, epoch ms */
  readonly modifiedMs?: number;
}

/**
 * How to open a file for writing (all create it when missing):
 * - 'append': writes go to the end; existing content is kept.
 * - 'truncate': emptied on open, then appended to.
 * - 'exclusive': fails with EEXIST when the file exists (AUTO log names), then appended to.
 * - 'write': plain write mode for special files (devices, pipes) that cannot be appended to.
 */
export type WriteMode = 'append' | 'truncate' | 'exclusive' | 'write';

export interface WritableFile {
  /** Write all chunks in order, as few system calls as possible; resolves with bytes written. */
  writev(chunks: readonly Uint8Array[]): Promise<FsOutcome<number>>;
  /**
   * Write one chunk now, on the calling thread, returning the bytes written: offered (non-null)
   * only where a write cannot wait on anything but memory — a regular file on a local file
   * system. Absent or null: only writev.
   */
  readonly writeNow?: ((chunk: Uint8Array) => FsOutcome<number>) | null;
  /** Current size of the open file (fstat). */
  size(): Promise<FsOutcome<number>>;
  close(): Promise<FsOutcome<undefined>>;
}

export interface ReadableFile {
  /** Current size of the open file (fstat). */
  size(): Promise<FsOutcome<number>>;
  /** Up to `length` bytes from `position` (fewer at end of file). */
  read(position: number, length: number): Promise<FsOutcome<Uint8Array>>;
  close(): Promise<FsOutcome<undefined>>;
}

export interface FileSystem {
  /** stat(2), following symlinks. */
  stat(path: string): Promise<FsOutcome<FileStat>>;
  /** `permissions` applies when the file is created (then masked by the process umask). */
  openWrite(path: string, mode: WriteMode, permissions: number): Promise<FsOutcome<WritableFile>>;
  openRead(path: string): Promise<FsOutcome<ReadableFile>>;
  /** rename(2): replaces `to` atomically when it exists. */
  rename(from: string, to: string): Promise<FsOutcome<undefined>>;
  unlink(path: string): Promise<FsOutcome<undefined>>;
  /** Entry names (not paths) of a directory. */
  readDirectory(path: string): Promise<FsOutcome<readonly string[]>>;
}
