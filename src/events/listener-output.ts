// The ProcessOutput of an event listener process: stderr is logged like any child's, stdout is
// the protocol channel (fed to the pool, and still recorded to the stdout log), stdin carries the
// envelopes. The child's exit gives an event still in flight back to the pool.

import type { Readable, Writable } from 'node:stream';

import type { Clock, Timer } from '../ports/clock.js';
import type { ProcessOutput } from '../ports/process-output.js';
import type { ChildHandle } from '../ports/spawner.js';
import type { ListenerPool, ListenerSession, StdinWriter } from './listener-pool.js';

/**
 * After the child exits, how long its stdout may stay open (a grandchild holding the pipe)
 * before an answer is no longer awaited and its event goes back to the pool.
 */
const STDOUT_GRACE_MS = 1_000;

/** Where a listener's stdout bytes are logged (the process's stdout log, tail and debug copy). */
export interface ListenerStdoutLog {
  /** false: stop reading until onceWritable */
  record(data: Uint8Array, pid: number): boolean;
  onceWritable(callback: () => void): void;
}

export interface ListenerOutputParts {
  readonly pool: ListenerPool;
  readonly processName: string;
  /** the process's ordinary output: log paths, stderr pumping, close */
  readonly base: ProcessOutput;
  readonly stdoutLog: ListenerStdoutLog;
  readonly clock: Clock;
  /** the process object is going away */
  readonly onClose: () => void;
}

const stdinWriter =
  (stdin: Writable | null): StdinWriter =>
  (bytes) => {
    if (stdin === null || stdin.destroyed || !stdin.writable) {
      return false;
    }
    stdin.write(bytes);
    return true;
  };

/** The same child without its stdout, so the ordinary output only pumps stderr. */
const withoutStdout = (child: ChildHandle): ChildHandle => ({
  pid: child.pid,
  stdout: null,
  stderr: child.stderr,
  stdin: child.stdin,
  signal: (signal, group) => child.signal(signal, group),
  onExit: (callback) => child.onExit(callback),
});

export class ListenerOutput implements ProcessOutput {
  constructor(private readonly parts: ListenerOutputParts) {}

  get stdoutPath(): string | null {
    return this.parts.base.stdoutPath;
  }

  get stderrPath(): string | null {
    return this.parts.base.stderrPath;
  }

  attach(child: ChildHandle): void {
    const { pool, processName, base, clock } = this.parts;
    base.attach(withoutStdout(child));
    const session = pool.spawned(processName, child.pid, stdinWriter(child.stdin));
    child.stdin?.on('error', () => session.stdinFailed());
    let exited = false;
    let stdoutDone = child.stdout === null;
    let ended = false;
    let grace: Timer | null = null;
    const end = (): void => {
      if (!ended) {
        ended = true;
        grace?.cancel();
        session.ended();
      }
    };
    child.onExit(() => {
      exited = true;
      session.exited();
      if (stdoutDone) {
        end();
      } else {
        grace = clock.setTimer(STDOUT_GRACE_MS, end);
      }
    });
    if (child.stdout !== null) {
      this.read(child.stdout, child.pid, session, () => {
        stdoutDone = true;
        if (exited) {
          end();
        }
      });
    }
  }

  close(): Promise<void> {
    this.parts.onClose();
    return this.parts.base.close();
  }

  /** The log (as supervisord logs first), then the protocol; a full log pauses the pipe. */
  private read(stream: Readable, pid: number, session: ListenerSession, done: () => void): void {
    const { stdoutLog } = this.parts;
    let waiting = false;
    const resume = (): void => {
      waiting = false;
      stream.resume();
    };
    const onData = (chunk: Buffer | string): void => {
      // Copied: a pipe's chunk is lent (a view of the shared read buffer) and the protocol keeps
      // an unfinished message; a listener's output is small.
      const bytes = Buffer.from(chunk);
      const more = stdoutLog.record(bytes, pid);
      session.output(bytes);
      if (!more && !waiting) {
        waiting = true;
        stream.pause();
        stdoutLog.onceWritable(resume);
      }
    };
    let finished = false;
    const finish = (): void => {
      if (!finished) {
        finished = true;
        stream.off('data', onData);
        done();
      }
    };
    stream.on('data', onData);
    stream.once('end', finish);
    stream.once('close', finish);
    stream.once('error', finish);
  }
}
