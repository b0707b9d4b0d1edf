// One log file, written on the daemon's thread when the file is local and idle, otherwise
// asynchronously in large coalesced writes: size rotation, reopen (SIGUSR2), clear, bounded queue
// with backpressure, and failures reported instead of thrown.
// All file operations run one at a time in `loop`, so no byte is lost or written twice.

import { Buffer } from 'node:buffer';

import type {
  FileSystem,
  FsError,
  FsOutcome,
  WritableFile,
  WriteMode,
} from '../ports/file-system.js';
import { openLogFile, removeLogFile, shiftBackups } from './log-file-operations.js';
import { batchLimit } from './rotation-policy.js';
import type { ByteSink } from './sinks.js';
import { DrainWaiters } from './sinks.js';
import { WriteQueue, totalBytes } from './write-queue.js';
import type { WriterOperation, WriterReport } from './writer-reports.js';

export interface RotatingFileOptions {
  readonly path: string;
  /** 0 = never rotate */
  readonly maxBytes: number;
  /** 0 = truncate on rotation */
  readonly backups: number;
  /** permissions of files this writer creates (before the umask) */
  readonly permissions: number;
  /** queued bytes at which write() starts returning false */
  readonly highWaterMark: number;
  /** after a failure, new data retries the open at most this often; 0 = only reopen() retries */
  readonly retryIntervalMs: number;
  /**
   * Line-framed output (log_format timestamped/json): rotate only after a write that ends a line,
   * unless the file is LINE_SLACK_BYTES past maxBytes, so each file starts with a whole line.
   */
  readonly lineAligned?: boolean;
}

/**
 * A write on the daemon's thread that takes this long (a disk under heavy writeback) sends the
 * file's later writes to the thread pool until it is reopened, so the event loop is not held.
 */
export const SLOW_DIRECT_WRITE_MS = 50;

/** The most a direct write may carry a raw log past maxBytes before it is cut there. */
export const MAX_OVERSHOOT_BYTES = 64 * 1024;

/** How far a line-aligned log may grow past maxBytes waiting for the end of a line. */
export const LINE_SLACK_BYTES = 64 * 1024;

export interface WriterDeps {
  readonly fs: FileSystem;
  readonly report: (report: WriterReport) => void;
  /** monotonic milliseconds, for pacing retries */
  readonly monotonicMs: () => number;
}

export interface WriterStats {
  readonly writtenBytes: number;
  readonly droppedBytes: number;
  readonly writes: number;
  readonly rotations: number;
  /** the most bytes held at once (queued + being written) */
  readonly peakBufferedBytes: number;
}

interface OpenFile {
  readonly kind: 'open';
  readonly file: WritableFile;
  readonly rotatable: boolean;
  size: number;
  /** normally maxBytes; pushed further after a failed rotation so it is not retried per write */
  rotateAt: number;
  /** written on the daemon's thread (writeDirectly) while true */
  direct: boolean;
}

type WriterState =
  | { readonly kind: 'unopened' }
  | OpenFile
  | { readonly kind: 'broken'; readonly sinceMs: number }
  | { readonly kind: 'closed' };

const OK: FsOutcome<undefined> = { ok: true, value: undefined };

const endsLine = (batch: readonly Uint8Array[]): boolean => {
  const last = batch[batch.length - 1];
  return last !== undefined && last[last.length - 1] === 0x0a;
};

export class RotatingFileWriter implements ByteSink {
  private state: WriterState = { kind: 'unopened' };
  private readonly queue = new WriteQueue();
  private readonly controls: (() => Promise<void>)[] = [];
  private running = false;
  private retryQueued = false;
  private inFlightBytes = 0;
  private droppedSinceFailure = 0;
  private readonly drainWaiters = new DrainWaiters();
  private idleWaiters: (() => void)[] = [];
  private counters = { writtenBytes: 0, droppedBytes: 0, writes: 0, rotations: 0, peak: 0 };

  constructor(
    private readonly deps: WriterDeps,
    private readonly options: RotatingFileOptions,
  ) {}

  get path(): string {
    return this.options.path;
  }

  /** Bytes queued and not yet handed to the file system. */
  get pendingBytes(): number {
    return this.queue.pendingBytes;
  }

  get stats(): WriterStats {
    const { writtenBytes, droppedBytes, writes, rotations, peak } = this.counters;
    return { writtenBytes, droppedBytes, writes, rotations, peakBufferedBytes: peak };
  }

  /** `chunk` is lent for the call (a child's output arrives in a reused read buffer). */
  write(chunk: Uint8Array): boolean {
    const kind = this.state.kind;
    if (kind === 'closed' || kind === 'broken') {
      this.drop(chunk.length);
      this.maybeRetry();
      return true;
    }
    const rest = this.writeDirectly(chunk);
    if (rest.length === 0) {
      return true;
    }
    // Queued bytes outlive the call: copied.
    this.queue.push(Buffer.from(rest));
    const buffered = this.queue.pendingBytes + this.inFlightBytes;
    if (buffered > this.counters.peak) {
      this.counters.peak = buffered;
    }
    this.kick();
    return this.queue.pendingBytes < this.options.highWaterMark;
  }

  onceDrained(callback: () => void): void {
    if (this.queue.pendingBytes < this.options.highWaterMark) {
      callback();
    } else {
      this.drainWaiters.add(callback);
    }
  }

  /** First open; data written before it is queued (up to the high-water mark). */
  open(): Promise<FsOutcome<undefined>> {
    return this.control(() => this.openFile('append'));
  }

  /** Close and open the path again (logrotate moved the file away, or a respawn). */
  reopen(): Promise<FsOutcome<undefined>> {
    return this.control(async () => {
      await this.closeCurrent();
      return this.openFile('append');
    });
  }

  /** clearProcessLogs/clearLog: delete the current file (not the backups) and start a new one. */
  clear(): Promise<FsOutcome<undefined>> {
    return this.control(async () => {
      await this.closeCurrent();
      const removed = await removeLogFile(this.deps.fs, this.path);
      const opened = await this.openFile('append');
      return removed.ok ? opened : removed;
    });
  }

  /** Resolves once everything queued so far is written (or dropped because the file is broken). */
  flush(): Promise<void> {
    if (!this.running && this.isSettled()) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Write what is queued, close the file; later writes are dropped. */
  async close(): Promise<void> {
    await this.flush();
    await this.control(async () => {
      await this.closeCurrent();
      this.state = { kind: 'closed' };
      this.drop(this.queue.clear());
      this.drainWaiters.release();
      return OK;
    });
  }

  private control(run: () => Promise<FsOutcome<undefined>>): Promise<FsOutcome<undefined>> {
    return new Promise((resolve) => {
      this.controls.push(async () => resolve(await run()));
      this.kick();
    });
  }

  private kick(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.loop().catch((error: unknown) => {
      // A bug, not an I/O error (the port reports those as values): keep the daemon alive.
      this.running = false;
      this.state = { kind: 'broken', sinceMs: this.deps.monotonicMs() };
      this.drop(this.queue.clear());
      this.drainWaiters.release();
      this.releaseIdle();
      this.deps.report({
        kind: 'failed',
        path: this.path,
        operation: 'internal',
        error: { code: 'EINTERNAL', message: String(error) },
      });
    });
  }

  private async loop(): Promise<void> {
    for (;;) {
      const control = this.controls.shift();
      if (control !== undefined) {
        await control();
        continue;
      }
      if (this.state.kind !== 'open' || this.queue.isEmpty) {
        break;
      }
      await this.writeBatch(this.state);
    }
    this.running = false;
    this.releaseIdle();
  }

  private async writeBatch(open: OpenFile): Promise<void> {
    const batch = this.queue.take(batchLimit(open.size, open.rotateAt, open.rotatable));
    const bytes = totalBytes(batch);
    this.inFlightBytes = bytes;
    // Producers refill the queue while this write runs: that is what makes the next batch big.
    if (this.queue.pendingBytes < this.options.highWaterMark) {
      this.drainWaiters.release();
    }
    const result = await open.file.writev(batch);
    this.inFlightBytes = 0;
    if (!result.ok || (result.value === 0 && bytes > 0)) {
      this.drop(bytes - (result.ok ? result.value : 0));
      const error = result.ok ? { code: 'EIO', message: 'write made no progress' } : result.error;
      await this.fail('write', error);
      return;
    }
    open.size += result.value;
    this.counters.writtenBytes += result.value;
    this.counters.writes++;
    if (result.value < bytes) {
      this.queue.putBack(batch, result.value);
    }
    if (this.rotationDue(open, result.value === bytes && endsLine(batch))) {
      await this.rotate(open);
    }
  }

  /**
   * The write that brings the file to maxBytes rotates it (supervisord's rule); a line-aligned
   * log waits for a write that ends a line, up to LINE_SLACK_BYTES further.
   */
  private rotationDue(open: OpenFile, endedLine: boolean): boolean {
    return (
      open.rotatable &&
      this.options.maxBytes > 0 &&
      open.size >= open.rotateAt &&
      (this.options.lineAligned !== true ||
        open.size >= open.rotateAt + LINE_SLACK_BYTES ||
        endedLine)
    );
  }

  /**
   * Write on this thread, as supervisord does, when the file allows it (a regular file on a local
   * disk) and nothing is queued or in flight before this chunk; returns what is left to queue.
   * Saves the copy and the thread pool's round trip for every read of a busy child. A file whose
   * write once took SLOW_DIRECT_WRITE_MS is written from the thread pool until it is reopened.
   */
  private writeDirectly(chunk: Uint8Array): Uint8Array {
    const open = this.state;
    if (
      open.kind !== 'open' ||
      !open.direct ||
      this.running ||
      !this.queue.isEmpty ||
      open.file.writeNow == null
    ) {
      return chunk;
    }
    // A write crossing maxBytes goes whole into the file (supervisord's rule), unless it would
    // overshoot by more than a 64 KiB pipe read did: a raw log's 1 MiB read is cut at maxBytes.
    const room = this.options.lineAligned === true ? 0 : this.roomBeforeRotation(open);
    const part =
      room > 0 && chunk.length > room + MAX_OVERSHOOT_BYTES ? chunk.subarray(0, room) : chunk;
    const began = this.deps.monotonicMs();
    const result = open.file.writeNow(part);
    const tookMs = this.deps.monotonicMs() - began;
    if (tookMs >= SLOW_DIRECT_WRITE_MS) {
      open.direct = false;
      // After this write is done with: the main log's own writer reports into itself.
      queueMicrotask(() => this.deps.report({ kind: 'slow', path: this.path, tookMs }));
    }
    // A failure is left to the queued write, which retries it and reports what it finds.
    const written = result.ok ? result.value : 0;
    open.size += written;
    this.counters.writtenBytes += written;
    this.counters.writes++;
    const rest = chunk.subarray(written);
    if (written === part.length && this.rotationDue(open, part[part.length - 1] === 0x0a)) {
      void this.control(async () => {
        if (this.state === open) {
          await this.rotate(open);
        }
        return OK;
      });
    }
    return rest;
  }

  /** Bytes the file takes before it is due for rotation (0: no limit, or already due). */
  private roomBeforeRotation(open: OpenFile): number {
    return open.rotatable && this.options.maxBytes > 0 ? Math.max(0, open.rotateAt - open.size) : 0;
  }

  private async rotate(open: OpenFile): Promise<void> {
    this.state = { kind: 'unopened' };
    await this.closeFile(open.file);
    const failure = await shiftBackups(this.deps.fs, this.path, this.options.backups);
    this.counters.rotations++;
    await this.openFile(this.options.backups > 0 ? 'append' : 'truncate');
    if (failure !== null) {
      const reopened = this.openState();
      if (reopened !== null) {
        reopened.rotateAt = reopened.size + this.options.maxBytes;
      }
      this.deps.report({ kind: 'failed', path: this.path, operation: 'rotate', error: failure });
    }
  }

  private async openFile(preferred: WriteMode): Promise<FsOutcome<undefined>> {
    const opened = await openLogFile(this.deps.fs, this.path, preferred, this.options.permissions);
    if (!opened.ok) {
      await this.fail('open', opened.error);
      return opened;
    }
    const wasBroken = this.state.kind === 'broken';
    this.state = {
      kind: 'open',
      ...opened.value,
      rotateAt: this.options.maxBytes,
      direct: opened.value.file.writeNow != null,
    };
    if (wasBroken) {
      const droppedBytes = this.droppedSinceFailure;
      this.droppedSinceFailure = 0;
      this.deps.report({ kind: 'recovered', path: this.path, droppedBytes });
    }
    return OK;
  }

  /** The state re-read through a call, since it changes across awaits. */
  private openState(): OpenFile | null {
    return this.state.kind === 'open' ? this.state : null;
  }

  private async closeCurrent(): Promise<void> {
    if (this.state.kind === 'open') {
      const file = this.state.file;
      this.state = { kind: 'unopened' };
      await this.closeFile(file);
    }
  }

  private async closeFile(file: WritableFile): Promise<void> {
    const closed = await file.close();
    if (!closed.ok) {
      this.deps.report({
        kind: 'failed',
        path: this.path,
        operation: 'close',
        error: closed.error,
      });
    }
  }

  /** Enter (or stay in) the broken state: drop what is queued, report only the first failure. */
  private async fail(operation: WriterOperation, error: FsError): Promise<void> {
    const previous = this.state;
    this.state = { kind: 'broken', sinceMs: this.deps.monotonicMs() };
    if (previous.kind === 'open') {
      await this.closeFile(previous.file);
    }
    this.drop(this.queue.clear());
    this.drainWaiters.release();
    if (previous.kind !== 'broken') {
      this.deps.report({ kind: 'failed', path: this.path, operation, error });
    }
  }

  private maybeRetry(): void {
    const state = this.state;
    if (
      state.kind !== 'broken' ||
      this.retryQueued ||
      this.options.retryIntervalMs <= 0 ||
      this.deps.monotonicMs() - state.sinceMs < this.options.retryIntervalMs
    ) {
      return;
    }
    this.retryQueued = true;
    void this.control(async () => {
      this.retryQueued = false;
      return this.state.kind === 'broken' ? this.openFile('append') : OK;
    });
  }

  private drop(bytes: number): void {
    this.counters.droppedBytes += bytes;
    this.droppedSinceFailure += bytes;
  }

  private isSettled(): boolean {
    return this.queue.isEmpty || this.state.kind === 'broken' || this.state.kind === 'closed';
  }

  private releaseIdle(): void {
    if (!this.isSettled() || this.idleWaiters.length === 0) {
      return;
    }
    const waiting = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiting) {
      resolve();
    }
  }
}
