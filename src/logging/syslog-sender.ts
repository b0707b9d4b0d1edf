// Syslog lines on their way to the syslog socket (/dev/log): sent at once while the socket takes
// them, queued (up to SYSLOG_QUEUE_BYTES) and retried while its reader is behind, dropped and
// counted beyond that or while there is no socket. Never blocks a program or the daemon; says
// once when lines are being lost, and how many, when they flow again.

import type { Clock, Timer } from '../ports/clock.js';
import type { DatagramConnection, DatagramConnector } from '../ports/datagram-socket.js';

/** Lines waiting for a slow syslog reader; beyond this they are dropped. */
export const SYSLOG_QUEUE_BYTES = 256 * 1024;
/** Without a socket, connecting is tried again at the first line this long after the last try. */
export const SYSLOG_RECONNECT_MS = 5_000;
/** While the reader makes progress, retry as soon as the loop has been back to I/O; when it
 * does not, back off from RETRY_FIRST_MS up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 5;
const RETRY_MAX_MS = 250;

/** Errors after which the socket is useless: the syslog daemon went away or restarted. */
const GONE = new Set(['ECONNREFUSED', 'ENOTCONN', 'ENOENT', 'EPIPE', 'EBADF', 'EDESTADDRREQ']);
/** The reader is behind: try the same line again later. */
const FULL = new Set(['EAGAIN', 'EWOULDBLOCK', 'ENOBUFS']);

export interface SyslogSenderDeps {
  readonly connector: DatagramConnector;
  readonly clock: Pick<Clock, 'monotonicMs' | 'setTimer' | 'afterIo'>;
  /** told when lines start being lost and when they flow again (for the main log) */
  readonly report: (message: string) => void;
}

export class SyslogSender {
  private connection: DatagramConnection | null = null;
  private lastConnectMs = Number.NEGATIVE_INFINITY;
  private queue: Uint8Array[] = [];
  private queueHead = 0;
  private queuedBytes = 0;
  private retry: Timer | null = null;
  /** 0: retry after I/O (the reader took something last time); else the back-off delay */
  private retryMs = 0;
  private dropped = 0;
  /** why lines are being dropped, once said (null: all is well) */
  private trouble: string | null = null;
  private closed = false;
  private droppedSoFar = 0;

  constructor(
    private readonly path: string,
    private readonly deps: SyslogSenderDeps,
  ) {}

  /** Lines dropped since the start (also those already reported). */
  get droppedTotal(): number {
    return this.droppedSoFar;
  }

  /** One datagram: a whole syslog message. */
  send(datagram: Uint8Array): void {
    if (this.closed) {
      return;
    }
    if (this.queuedBytes > 0) {
      this.enqueue(datagram);
      return;
    }
    if (!this.connected()) {
      this.drop(1);
      return;
    }
    this.attempt(datagram);
  }

  /** Stop: what is still queued is given up. */
  close(): void {
    this.closed = true;
    this.retry?.cancel();
    this.retry = null;
    this.connection?.close();
    this.connection = null;
    this.queue = [];
    this.queueHead = 0;
    this.queuedBytes = 0;
  }

  /** `again`: this is the retry on a new socket (there is no third try). */
  private attempt(datagram: Uint8Array, again = false): void {
    const connection = this.connection as DatagramConnection;
    const outcome = connection.send(datagram);
    if (outcome.ok) {
      this.recovered();
      return;
    }
    if (FULL.has(outcome.code)) {
      this.enqueue(datagram);
      return;
    }
    if (GONE.has(outcome.code)) {
      // The syslog daemon restarted: a new socket at the same path takes the line.
      this.disconnect();
      if (!again) {
        this.lastConnectMs = Number.NEGATIVE_INFINITY;
      }
      if (this.connected()) {
        this.attempt(datagram, true);
      } else {
        this.drop(1);
      }
      return;
    }
    // A line the socket refuses on its own (EMSGSIZE): lose that one, keep the rest.
    this.drop(1);
    this.troubled(`a syslog line could not be sent to ${this.path} (${outcome.code})`);
  }

  private connected(): boolean {
    if (this.connection !== null) {
      return true;
    }
    const now = this.deps.clock.monotonicMs();
    if (now - this.lastConnectMs < SYSLOG_RECONNECT_MS) {
      return false;
    }
    this.lastConnectMs = now;
    const opened = this.deps.connector.connect(this.path);
    if (opened.ok) {
      this.connection = opened.connection;
      return true;
    }
    this.troubled(
      `cannot send syslog lines to ${this.path} (${opened.code}): they are dropped until it works (tried again every ${SYSLOG_RECONNECT_MS / 1000} s)`,
    );
    return false;
  }

  private enqueue(datagram: Uint8Array): void {
    if (this.queuedBytes + datagram.length > SYSLOG_QUEUE_BYTES) {
      this.drop(1);
      this.troubled(`the syslog socket ${this.path} does not keep up: syslog lines are dropped`);
    } else {
      this.queue.push(datagram);
      this.queuedBytes += datagram.length;
    }
    this.armRetry();
  }

  private armRetry(): void {
    if (this.retry !== null || this.queuedBytes === 0) {
      return;
    }
    const fire = (): void => {
      this.retry = null;
      this.flushQueue();
    };
    this.retry =
      this.retryMs === 0
        ? this.deps.clock.afterIo(fire)
        : this.deps.clock.setTimer(this.retryMs, fire);
  }

  /** Send what is queued, in order, until the reader is full again. */
  private flushQueue(): void {
    let progress = false;
    let reconnected = false;
    while (this.queuedBytes > 0 && !this.closed) {
      if (!this.connected()) {
        this.drop(this.queue.length - this.queueHead);
        this.clearQueue();
        return;
      }
      const datagram = this.queue[this.queueHead] as Uint8Array;
      const outcome = (this.connection as DatagramConnection).send(datagram);
      if (!outcome.ok && FULL.has(outcome.code)) {
        this.retryMs = progress
          ? 0
          : Math.min(Math.max(this.retryMs * 2, RETRY_FIRST_MS), RETRY_MAX_MS);
        this.armRetry();
        return;
      }
      if (!outcome.ok && GONE.has(outcome.code)) {
        // Reconnect at once, but once per round: a socket that fails again waits its turn.
        this.disconnect();
        if (!reconnected) {
          reconnected = true;
          this.lastConnectMs = Number.NEGATIVE_INFINITY;
        }
        continue;
      }
      if (!outcome.ok) {
        this.drop(1);
      }
      progress = true;
      this.shift();
    }
    this.retryMs = 0;
    this.recovered();
  }

  private shift(): void {
    const datagram = this.queue[this.queueHead] as Uint8Array;
    this.queueHead++;
    this.queuedBytes -= datagram.length;
    if (this.queuedBytes === 0) {
      this.clearQueue();
    }
  }

  private clearQueue(): void {
    this.queue = [];
    this.queueHead = 0;
    this.queuedBytes = 0;
  }

  private disconnect(): void {
    this.connection?.close();
    this.connection = null;
  }

  private drop(count: number): void {
    this.dropped += count;
    this.droppedSoFar += count;
  }

  private troubled(why: string): void {
    if (this.trouble === null) {
      this.trouble = why;
      this.deps.report(why);
    }
  }

  /** A line went through: if lines were lost before, say how many, once. */
  private recovered(): void {
    if (this.dropped === 0 && this.trouble === null) {
      return;
    }
    if (this.queuedBytes > 0) {
      return;
    }
    const dropped = this.dropped;
    this.dropped = 0;
    this.trouble = null;
    this.deps.report(`syslog lines reach ${this.path} again; ${dropped} were dropped`);
  }
}
