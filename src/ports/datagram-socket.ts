// The DatagramSocket port: a connected unix datagram socket (syslog's /dev/log), one message per
// send, never blocking. platform/unix-datagram-socket.ts is the real one (libc through koffi,
// since Node has no unix datagram sockets); tests use a fake.

/** An errno name (`EAGAIN`, `ENOENT`, `ECONNREFUSED`…), or why the socket calls are unavailable. */
export type DatagramFailure = { readonly ok: false; readonly code: string };

export type SendOutcome = { readonly ok: true } | DatagramFailure;

export interface DatagramConnection {
  /** One datagram; EAGAIN when the reader's queue is full (nothing was sent). */
  send(datagram: Uint8Array): SendOutcome;
  close(): void;
}

export interface DatagramConnector {
  connect(
    path: string,
  ): { readonly ok: true; readonly connection: DatagramConnection } | DatagramFailure;
}
