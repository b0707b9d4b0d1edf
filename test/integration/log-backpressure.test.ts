// When the disk is slower than the child, the child's pipe is paused: the daemon holds a bounded
// amount of output (about twice the high-water mark), and still loses nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, expect, it } from 'vitest';

import { EventBus } from '../../src/events/event-bus.js';
import { createProcessLogs } from '../../src/logging/process-logs.js';
import { childHandleOf } from '../support/logging/child-handle-of.js';
import { checkSpewFiles } from '../support/logging/spew-pattern.js';
import { nodeClock } from '../../src/platform/node-clock.js';
import { NodeFileSystem } from '../../src/platform/node-file-system.js';
import type { FileSystem, WritableFile } from '../../src/ports/file-system.js';

const SPEW = join(import.meta.dirname, '../fixtures/programs/spew.mjs');
const MiB = 1024 * 1024;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'log-backpressure-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The real file system, but every write waits `delayMs` first: a disk doing ~hwm/delay. */
const throttled = (delayMs: number): FileSystem => {
  const real = new NodeFileSystem();
  return {
    stat: (p) => real.stat(p),
    openRead: (p) => real.openRead(p),
    rename: (a, b) => real.rename(a, b),
    unlink: (p) => real.unlink(p),
    readDirectory: (p) => real.readDirectory(p),
    openWrite: async (p, mode, permissions) => {
      const opened = await real.openWrite(p, mode, permissions);
      if (!opened.ok) {
        return opened;
      }
      const file = opened.value;
      const slow: WritableFile = {
        writev: async (chunks) => {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          return file.writev(chunks);
        },
        size: () => file.size(),
        close: () => file.close(),
      };
      return { ok: true, value: slow };
    },
  };
};

it('pauses the pipe and bounds memory when the sink is slow', async () => {
  const fs = throttled(20);
  const total = 48 * MiB;
  const highWaterMark = 1 * MiB;
  const path = join(dir, 'slow.log');
  const logs = await createProcessLogs(
    {
      processName: 'slow',
      groupName: 'slow',
      identifier: 'supervisor',
      childLogDir: dir,
      stdout: { logfile: { kind: 'path', path }, maxBytes: 0, backups: 0, eventsEnabled: false },
      stderr: { logfile: { kind: 'none' }, maxBytes: 0, backups: 0, eventsEnabled: false },
      redirectStderr: false,
      stripAnsi: false,
      highWaterMark,
    },
    {
      fs,
      logger: { log: (level, message) => console.log(level, message), isEnabled: () => true },
      debugCopy: null,
      events: new EventBus(),
      clock: nodeClock,
    },
  );
  const child = spawn(process.execPath, [SPEW, '--bytes', String(total)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pauses = 0;
  child.stdout.on('pause', () => pauses++);
  let readablePeak = 0;
  child.stdout.on('pause', () => {
    readablePeak = Math.max(readablePeak, child.stdout.readableLength);
  });
  // What was on disk when the child finished writing: with the pipe paused, the child can only
  // be ahead of the disk by what the daemon and the kernel buffer, not by the whole stream.
  let writtenAtExit = -1;
  child.once('exit', () => (writtenAtExit = logs.fileStats('stdout')?.writtenBytes ?? -1));
  logs.attach(childHandleOf(child));
  await logs.drained();
  await logs.close();

  const stats = logs.fileStats('stdout');
  console.log(
    `slow sink: ${pauses} pauses, peak buffered ${stats?.peakBufferedBytes} bytes, ` +
      `${stats?.writes} writes, stream buffer peak ${readablePeak} bytes, ` +
      `${writtenAtExit} bytes on disk when the child exited`,
  );
  expect(pauses).toBeGreaterThan(5);
  // Queued (< hwm + the reads already under way when the pause lands, one or two 64 KiB pipe
  // reads on a loaded machine) plus the write in flight (the same again): a bound set by the
  // high-water mark, nowhere near the stream's size.
  expect(stats?.peakBufferedBytes).toBeLessThanOrEqual(2 * (highWaterMark + 2 * 64 * 1024));
  expect(stats?.peakBufferedBytes).toBeLessThan(total / 10);
  expect(readablePeak).toBeLessThanOrEqual(256 * 1024);
  expect(writtenAtExit).toBeGreaterThan(total - 8 * MiB);
  expect(await checkSpewFiles(new NodeFileSystem(), [path], total)).toEqual({
    ok: true,
    bytes: total,
  });
});
