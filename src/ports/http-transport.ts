// The HTTP server port: listeners on a unix socket or TCP that hand each parsed request to a
// service, and carry its response back. platform/node-http-server.ts is the real one; the RPC
// layer (src/rpc) decides every status, header and byte of the answer.

export interface HttpRequestHead {
  readonly method: string;
  /** The request-target as sent, e.g. `/RPC2` or `/logtail/web%3Aweb_0/stderr?x=1`. */
  readonly target: string;
  /** `1.0` or `1.1` */
  readonly httpVersion: string;
  /** Header names lower-cased; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export type BodyRead =
  | { readonly kind: 'complete'; readonly body: Uint8Array }
  /** More than `maxBytes` arrived (or were announced); the rest is not read. */
  | { readonly kind: 'too-large' }
  /** The client went away or was too slow. */
  | { readonly kind: 'aborted' };

export interface HttpResponseHead {
  readonly status: number;
  readonly reason: string;
  /** In this order; `Content-Length` is added for complete responses. */
  readonly headers: readonly (readonly [string, string])[];
  /** Close the connection after this response (else the HTTP/1.x keep-alive rules apply). */
  readonly closeConnection: boolean;
}

export interface HttpResponse extends HttpResponseHead {
  readonly body: Uint8Array | string;
}

/**
 * A response written piece by piece: with a Content-Length in its head when the length is known up
 * front; otherwise chunked on HTTP/1.1 and closed at the end on HTTP/1.0.
 */
export interface HttpResponseStream {
  /** False when the peer is slow: wait for `drained()` before writing more. */
  write(chunk: Uint8Array | string): boolean;
  /** Resolves when the peer has caught up, or the connection has gone. */
  drained(): Promise<void>;
  end(): void;
}

/** One request/response pair on a connection. */
export interface HttpExchange {
  readonly request: HttpRequestHead;
  /** Reads the whole body, stopping as soon as more than `maxBytes` arrive. */
  readBody(maxBytes: number): Promise<BodyRead>;
  respond(response: HttpResponse): void;
  openStream(head: HttpResponseHead): HttpResponseStream;
  /** Aborted when the client disconnects before the response is complete. */
  readonly disconnected: AbortSignal;
  /**
   * The service vouches for the connection this request came on: its credentials were accepted
   * (or the listener has none to check). Only such connections may stay open long; the others
   * share a small budget and a short deadline, so that they can never crowd these out.
   */
  trustConnection(): void;
}

/** Requests the transport could not parse, or that took too long to arrive. */
export type HttpProtocolProblem = 'bad-request' | 'request-timeout' | 'headers-too-large';

export interface HttpService {
  handle(exchange: HttpExchange): void;
  /** The answer written before the transport closes a connection it could not parse. */
  protocolError(problem: HttpProtocolProblem): HttpResponse;
}

export interface HttpServerLimits {
  /** Time allowed for a request's headers to arrive. */
  readonly headersTimeoutMs: number;
  /** Time allowed for a whole request (headers and body) to arrive. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
  /**
   * Connections not yet vouched for (see `HttpExchange.trustConnection`) open at once, per
   * listener: a newcomer beyond this closes the oldest of them, never itself.
   */
  readonly untrustedConnections: number;
  /** How long a connection may stay open before it is vouched for. */
  readonly untrustedTimeoutMs: number;
  /**
   * Vouched-for connections open at once, per listener: beyond this the one idle longest is
   * closed to make room (a busy one never is).
   */
  readonly trustedConnections: number;
}

export interface UnixListenSpec {
  readonly path: string;
  /** Permission bits for the socket file, e.g. 0o700. */
  readonly mode: number;
  readonly owner: { readonly uid: number; readonly gid: number } | null;
  /** Told before a stale socket file (nobody answering) is removed and replaced. */
  readonly onStaleSocket: (path: string) => void;
}

export interface TcpListenSpec {
  /** '' for all (IPv4) interfaces */
  readonly host: string;
  /** 0 picks a free port */
  readonly port: number;
}

export type ListenError =
  /** TCP EADDRINUSE, or a unix socket something still answers on. */
  | { readonly kind: 'address-in-use'; readonly address: string }
  | {
      readonly kind: 'chown-not-permitted';
      readonly path: string;
      readonly uid: number;
      readonly gid: number;
      /** the effective user, for the message */
      readonly user: string;
    }
  | {
      readonly kind: 'failed';
      readonly address: string;
      readonly message: string;
      /** The OS error behind it, when there is one, e.g. `{ code: 'EACCES', number: 13 }`. */
      readonly errno: { readonly code: string; readonly number: number } | null;
    };

export interface HttpListener {
  /** The socket path, or `host:port` with the port actually bound. */
  readonly address: string;
  /** The bound TCP port; null for unix sockets. */
  readonly port: number | null;
  /** Stops accepting, drops open connections (streams included), removes a unix socket file. */
  close(): Promise<void>;
}

export type ListenResult =
  | { readonly ok: true; readonly listener: HttpListener }
  | { readonly ok: false; readonly error: ListenError };

export interface HttpServerTransport {
  listenUnix(spec: UnixListenSpec, service: HttpService): Promise<ListenResult>;
  listenTcp(spec: TcpListenSpec, service: HttpService): Promise<ListenResult>;
}
