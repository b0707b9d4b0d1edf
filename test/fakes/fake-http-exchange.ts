// An in-memory HttpExchange: a request with a given body, and a record of what the service
// answered (a whole response, or a stream's head, chunks and end), for unit tests of src/rpc.

import type {
  BodyRead,
  HttpExchange,
  HttpResponse,
  HttpResponseHead,
} from '../../src/ports/http-transport.js';

export interface FakeRequest {
  readonly method?: string;
  readonly target?: string;
  readonly httpVersion?: string;
  readonly headers?: Record<string, string>;
  /** The body the client sends; Content-Length is set from it unless headers say otherwise. */
  readonly body?: string;
  /** Pretend the client hangs up while the body is read. */
  readonly abortBody?: boolean;
}

export interface FakeExchange {
  readonly exchange: HttpExchange;
  /** Resolves with the whole response, or the stream head once opened. */
  readonly answered: Promise<HttpResponse | HttpResponseHead>;
  readonly chunks: string[];
  readonly streamEnded: () => boolean;
  readonly bodyReads: () => number;
  /** Whether the service vouched for the connection (`trustConnection`). */
  readonly trusted: () => boolean;
  /** Client hangs up. */
  disconnect(): void;
  /** Makes stream writes report backpressure until `drain()`. */
  setSlow(slow: boolean): void;
  drain(): void;
}

export const fakeExchange = (request: FakeRequest = {}): FakeExchange => {
  const disconnect = new AbortController();
  const chunks: string[] = [];
  let ended = false;
  let reads = 0;
  let trusted = false;
  let slow = false;
  let drainWaiters: (() => void)[] = [];
  let answer: (response: HttpResponse | HttpResponseHead) => void = () => undefined;
  const answered = new Promise<HttpResponse | HttpResponseHead>((resolve) => (answer = resolve));
  const body = request.body ?? '';
  const headers: Record<string, string> = {
    ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
    ...request.headers,
  };
  const exchange: HttpExchange = {
    request: {
      method: request.method ?? 'POST',
      target: request.target ?? '/RPC2',
      httpVersion: request.httpVersion ?? '1.1',
      headers,
    },
    readBody: (maxBytes): Promise<BodyRead> => {
      reads += 1;
      if (request.abortBody === true) {
        disconnect.abort();
        return Promise.resolve({ kind: 'aborted' });
      }
      const bytes = Buffer.from(body);
      return Promise.resolve(
        bytes.length > maxBytes ? { kind: 'too-large' } : { kind: 'complete', body: bytes },
      );
    },
    respond: (response) => answer(response),
    openStream: (head) => {
      answer(head);
      return {
        write: (chunk) => {
          chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
          return !slow;
        },
        drained: () =>
          slow ? new Promise<void>((resolve) => drainWaiters.push(resolve)) : Promise.resolve(),
        end: () => {
          ended = true;
        },
      };
    },
    disconnected: disconnect.signal,
    trustConnection: () => {
      trusted = true;
    },
  };
  return {
    exchange,
    answered,
    chunks,
    streamEnded: () => ended,
    bodyReads: () => reads,
    trusted: () => trusted,
    disconnect: () => disconnect.abort(),
    setSlow: (value) => {
      slow = value;
    },
    drain: () => {
      const waiters = drainWaiters;
      drainWaiters = [];
      waiters.forEach((resolve) => resolve());
    },
  };
};
