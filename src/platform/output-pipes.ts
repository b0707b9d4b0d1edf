// A child's stdout and stderr as real pipes, as supervisord gives them. Node's own 'pipe' stdio is
// a unix socketpair, and a program that opens /dev/stdout or /dev/stderr by path (nginx's
// `access_log /dev/stdout`, `echo x > /dev/stderr`) gets ENXIO from a socket; from a pipe it works.
// The pipes come from pipe2 through koffi (close-on-exec, so no other child inherits them); the
// child gets the write ends as fds 1 and 2 (the same pipe for both when stderr is redirected),
// the daemon reads the read ends as streams. Without koffi, null: the spawner uses Node's pipes.
// A loud child's pipe is widened from 64 KiB to 1 MiB the first time a read finds it full, so the
// child and the daemon wake each other far less often (docs/decisions/014-wider-busy-pipes.md),
// and every pipe is read into one shared buffer (docs/decisions/015-output-read-in-place.md).

import { closeSync } from 'node:fs';
import { type OnReadOpts, Socket, type SocketConstructorOpts } from 'node:net';
import type { Readable } from 'node:stream';

import { type Libc, loadLibc } from './libc.js';

export interface OutputPipes {
  /** What spawn's stdio gets for fds 1 and 2. */
  readonly childEnds: readonly [number, number];
  /** Once spawned: close the write ends here and read the read ends (stderr null if redirected). */
  attach(): { readonly stdout: Readable; readonly stderr: Readable | null };
  /** The spawn failed: close every end. */
  discard(): void;
}

const closeQuietly = (fds: readonly number[]): void => {
  for (const fd of fds) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
};

/** A pipe holds 64 KiB until widened: a read this long found it full (the child waits). */
export const BUSY_READ_BYTES = 64 * 1024;
/** What a busy pipe is widened to: Linux's default /proc/sys/fs/pipe-max-size. */
export const WIDE_PIPE_BYTES = 1024 * 1024;

/**
 * Only a privileged daemon widens pipes: the kernel charges pipe buffers to the user that created
 * them, and once an unprivileged user holds more than pipe-user-pages-soft (64 MiB) every new pipe
 * it creates gets 8 KiB, which would make the other programs' pipes smaller.
 */
const widens = (): boolean => process.getuid?.() === 0;

/**
 * How much one read takes from a pipe: a whole widened pipe. Every output pipe reads into the same
 * buffer (reads run one at a time on the event loop), so a thousand pipes cost one buffer, and a
 * busy child's output makes no garbage: no allocation per read, no fresh pages to fault in,
 * nothing for the GC.
 */
export const READ_BUFFER_BYTES = WIDE_PIPE_BYTES;

let sharedReadBuffer: Buffer | null = null;
const readBuffer = (): Buffer => (sharedReadBuffer ??= Buffer.alloc(READ_BUFFER_BYTES));

/**
 * The read end of an output pipe, widened once when a read comes back full. Each chunk it emits
 * as 'data' is a view of the shared read buffer, valid only until the listener returns: whoever
 * keeps bytes copies them (docs/decisions/015-output-read-in-place.md).
 */
class OutputPipeReader extends Socket {
  private widened = false;

  constructor(
    private readonly pipeFd: number,
    private readonly libc: Libc | null,
  ) {
    const options: SocketConstructorOpts & { onread: OnReadOpts; manualStart: boolean } = {
      fd: pipeFd,
      readable: true,
      writable: false,
      // Node's Socket takes `onread` here as well as in connect(); its types list it there only.
      onread: { buffer: readBuffer(), callback: (bytes, buffer) => this.took(bytes, buffer) },
      // A chunk read in place is not buffered by the stream: no read before the first 'data'
      // listener (whose resume() starts reading), so nothing is read for nobody.
      manualStart: true,
    };
    super(options);
  }

  private took(bytes: number, buffer: Uint8Array): boolean {
    if (!this.widened && this.libc !== null && bytes >= BUSY_READ_BYTES) {
      // Once, whatever the answer: a refusal (EPERM, EBUSY) leaves the pipe as it was.
      this.widened = true;
      this.libc.setPipeSize(this.pipeFd, WIDE_PIPE_BYTES);
    }
    this.emit('data', buffer.subarray(0, bytes));
    // Pausing (backpressure) stops the reads through Socket.pause itself.
    return true;
  }
}

const reader = (fd: number, libc: Libc): Readable =>
  new OutputPipeReader(fd, widens() ? libc : null);

/** Pipes for a child's stdout and (unless redirected to stdout's) stderr; null without pipe2. */
export const openOutputPipes = (redirectStderr: boolean): OutputPipes | null => {
  const libc = loadLibc();
  if (!libc.ok) {
    return null;
  }
  const stdout = libc.libc.pipe();
  if (stdout === null) {
    return null;
  }
  const stderr = redirectStderr ? null : libc.libc.pipe();
  if (!redirectStderr && stderr === null) {
    closeQuietly(stdout);
    return null;
  }
  const all = [...stdout, ...(stderr ?? [])];
  return {
    childEnds: [stdout[1], stderr === null ? stdout[1] : stderr[1]],
    attach: () => {
      closeQuietly([stdout[1], ...(stderr === null ? [] : [stderr[1]])]);
      return {
        stdout: reader(stdout[0], libc.libc),
        stderr: stderr === null ? null : reader(stderr[0], libc.libc),
      };
    },
    discard: () => closeQuietly(all),
  };
};
