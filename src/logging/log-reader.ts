// Reading log files back for the RPC layer: readLog (readProcess*Log, supervisor.readLog) and
// tailLog (tailProcess*Log), with supervisord's rules and typed faults instead of exceptions.

import type { FileSystem, FsError, ReadableFile } from '../ports/file-system.js';
import { readWindow, tailWindow } from './read-window.js';
import type { ReadWindow } from './read-window.js';

export type LogReadFault = 'NO_FILE' | 'BAD_ARGUMENTS' | 'FAILED';

export type ReadLogResult =
  | { readonly ok: true; readonly data: Uint8Array }
  | { readonly ok: false; readonly fault: LogReadFault };

/**
 * On a fault the RPC layer answers supervisord's way: tailProcess*Log returns `['', 0, false]`
 * for NO_FILE, and `['', offset, false]` for FAILED.
 */
export type TailLogResult =
  | {
      readonly ok: true;
      readonly data: Uint8Array;
      /** the file size: where the next tail should start */
      readonly offset: number;
      readonly overflow: boolean;
    }
  | { readonly ok: false; readonly fault: 'NO_FILE' | 'FAILED' };

type FileFault = { readonly ok: false; readonly fault: 'NO_FILE' | 'FAILED' };

const faultOf = (error: FsError): FileFault => ({
  ok: false,
  fault: error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 'NO_FILE' : 'FAILED',
});

/** Open, size and read in one go; the window is decided from the size of the open file. */
const withFile = async <T>(
  fs: FileSystem,
  path: string | null,
  use: (file: ReadableFile, size: number) => Promise<T>,
): Promise<T | FileFault> => {
  if (path === null) {
    return { ok: false, fault: 'NO_FILE' };
  }
  const opened = await fs.openRead(path);
  if (!opened.ok) {
    return faultOf(opened.error);
  }
  const file = opened.value;
  try {
    const size = await file.size();
    return size.ok ? await use(file, size.value) : faultOf(size.error);
  } finally {
    await file.close();
  }
};

const readRange = async (
  file: ReadableFile,
  window: ReadWindow,
): Promise<{ ok: true; data: Uint8Array } | FileFault> => {
  if (window.length === 0) {
    return { ok: true, data: new Uint8Array(0) };
  }
  const read = await file.read(window.position, window.length);
  return read.ok ? { ok: true, data: read.value } : { ok: false, fault: 'FAILED' };
};

/** readFile rules (offset/length as the RPC received them); `path` null = no log configured. */
export const readLog = (
  fs: FileSystem,
  path: string | null,
  offset: number,
  length: number,
): Promise<ReadLogResult> =>
  withFile<ReadLogResult>(fs, path, (file, size) => {
    const window = readWindow(size, offset, length);
    return window === 'BAD_ARGUMENTS'
      ? Promise.resolve({ ok: false, fault: window })
      : readRange(file, window);
  });

/** 4.2.5's tailFile arithmetic (see tailWindow); `path` null = no log configured. */
export const tailLog = (
  fs: FileSystem,
  path: string | null,
  offset: number,
  length: number,
): Promise<TailLogResult> =>
  withFile<TailLogResult>(fs, path, async (file, size) => {
    const window = tailWindow(size, offset, length);
    const read = await readRange(file, window);
    return read.ok ? { ok: true, data: read.data, offset: size, overflow: window.overflow } : read;
  });
