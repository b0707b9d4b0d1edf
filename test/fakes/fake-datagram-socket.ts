// A DatagramConnector held in memory: a syslog "daemon" that can be absent, full (EAGAIN after
// `capacity` unread datagrams) or restarted, and whose received datagrams the test reads back.

import type {
  DatagramConnection,
  DatagramConnector,
  SendOutcome,
} from '../../src/ports/datagram-socket.js';

export class FakeDatagramSocket implements DatagramConnector {
  /** whether something listens at the path (else connect gives ENOENT) */
  listening = true;
  /** unread datagrams the reader holds before sends fail with EAGAIN */
  capacity = Number.POSITIVE_INFINITY;
  /** every datagram received, as text */
  readonly received: string[] = [];
  connects = 0;
  private unread = 0;
  /** bumped by restart(): older connections get ECONNREFUSED */
  private generation = 0;

  connect(): ReturnType<DatagramConnector['connect']> {
    this.connects++;
    if (!this.listening) {
      return { ok: false, code: 'ENOENT' };
    }
    const generation = this.generation;
    const connection: DatagramConnection = {
      send: (datagram): SendOutcome => {
        if (generation !== this.generation) {
          return { ok: false, code: 'ECONNREFUSED' };
        }
        if (this.unread >= this.capacity) {
          return { ok: false, code: 'EAGAIN' };
        }
        this.unread++;
        this.received.push(Buffer.from(datagram).toString('utf8'));
        return { ok: true };
      },
      close: () => undefined,
    };
    return { ok: true, connection };
  }

  /** The reader catches up. */
  read(): void {
    this.unread = 0;
  }

  /** The syslog daemon restarts: a new socket at the same path. */
  restart(): void {
    this.generation++;
    this.unread = 0;
  }
}
