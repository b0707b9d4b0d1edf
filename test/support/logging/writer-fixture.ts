// A RotatingFileWriter on the memory file system with a hand-moved monotonic clock, for the
// writer's unit tests (queued and direct writes).

import { RotatingFileWriter } from '../../../src/logging/rotating-file-writer.js';
import type { RotatingFileOptions } from '../../../src/logging/rotating-file-writer.js';
import type { WriterReport } from '../../../src/logging/writer-reports.js';
import { MemoryFileSystem } from './memory-file-system.js';

export const b = (s: string): Uint8Array => Buffer.from(s);

export interface Setup {
  fs: MemoryFileSystem;
  writer: RotatingFileWriter;
  reports: WriterReport[];
  clock: { ms: number };
}

export const setup = (
  options: Partial<RotatingFileOptions> = {},
  fs = new MemoryFileSystem(),
): Setup => {
  fs.mkdir('/l');
  const reports: WriterReport[] = [];
  const clock = { ms: 0 };
  const writer = new RotatingFileWriter(
    { fs, report: (r) => reports.push(r), monotonicMs: () => clock.ms },
    {
      path: '/l/x.log',
      maxBytes: 0,
      backups: 0,
      permissions: 0o644,
      highWaterMark: 1024,
      retryIntervalMs: 0,
      ...options,
    },
  );
  return { fs, writer, reports, clock };
};

/** Let the writer's loop reach its next await (it finishes an open a few microtasks later). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A gate that holds every write until opened. */
export const gate = (fs: MemoryFileSystem): (() => void) => {
  let open: () => void = () => undefined;
  let promise = new Promise<void>((resolve) => (open = resolve));
  fs.writeGate = () => promise;
  return () => {
    open();
    promise = Promise.resolve();
  };
};
