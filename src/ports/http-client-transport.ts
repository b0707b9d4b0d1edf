// The HTTP client port: send one request to a unix socket or TCP endpoint over a kept-alive
// connection and get the whole response back. platform/node-http-client.ts is the real one.

export type HttpEndpoint =
  | { readonly kind: 'unix'; readonly path: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number };

export interface HttpClientRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | null;
  /** Give up when no complete response after this long; null waits as long as it takes. */
  readonly timeoutMs: number | null;
  /** Refuse responses larger than this. */
  readonly maxResponseBytes: number;
}

export type HttpClientOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly reason: string;
      readonly headers: Readonly<Record<string, string | undefined>>;
      readonly body: Uint8Array;
    }
  /** No connection: `code` is the errno name (ECONNREFUSED, ENOENT, EACCES, ETIMEDOUT…). */
  | { readonly kind: 'connect-failed'; readonly code: string; readonly message: string }
  /** Connected, but the exchange broke: reset, timeout, oversized or unparseable response. */
  | { readonly kind: 'failed'; readonly message: string };

export interface HttpClientTransport {
  send(endpoint: HttpEndpoint, request: HttpClientRequest): Promise<HttpClientOutcome>;
  /** Closes kept-alive connections. */
  close(): void;
}
