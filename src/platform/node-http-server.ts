// The real HTTP server transport on node:http: timeouts against slow or idle clients, budgets
// that keep unauthenticated connections from crowding out the others (connection-guard.ts), an
// answer even to unparseable requests, and the HttpExchange adapter.
// Listening itself is in tcp-listener.ts and unix-socket-listener.ts.

import http from 'node:http';
import type { Duplex } from 'node:stream';

import type {
  BodyRead,
  HttpExchange,
  HttpProtocolProblem,
  HttpResponse,
  HttpResponseHead,
  HttpServerLimits,
  HttpServerTransport,
  HttpService,
} from '../ports/http-transport.js';
import { guardConnections, type ConnectionGuard } from './connection-guard.js';
import { budgetWithinFdLimit } from './connection-ledger.js';
import { readRlimit } from './rlimits.js';
import { listenTcp } from './tcp-listener.js';
import { listenUnixSocket } from './unix-socket-listener.js';

export const DEFAULT_HTTP_SERVER_LIMITS: HttpServerLimits = {
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
  // supervisorctl's transport does not retry on a connection the server closed while idle, so
  // idle connections are kept a long time, as supervisord (which never closes them) does.
  keepAliveTimeoutMs: 300_000,
  // A client sends its request as soon as it connects; one that has not been let in after this
  // long, or is the oldest of this many, is closed (docs/decisions/005-connection-fairness.md).
  untrustedConnections: 256,
  untrustedTimeoutMs: 10_000,
  trustedConnections: 1024,
};

/** How long a connection being closed after an error answer may take to flush it. */
const CLOSING_LINGER_MS = 5000;

export interface NodeHttpServerOptions {
  readonly limits?: HttpServerLimits;
  /** Errors of a listening server (e.g. EMFILE on accept): reported, never thrown. */
  readonly onServerError: (address: string, error: Error) => void;
}

export const createNodeHttpServerTransport = (
  options: NodeHttpServerOptions,
): HttpServerTransport => {
  const limits = options.limits ?? DEFAULT_HTTP_SERVER_LIMITS;
  const make = (service: HttpService): http.Server => createServer(service, limits);
  return {
    listenTcp: (spec, service) => listenTcp(spec, make(service), options.onServerError),
    listenUnix: (spec, service) =>
      listenUnixSocket(spec, () => make(service), options.onServerError),
  };
};

/** The response in progress on each connection, if any. */
const pending = new WeakMap<Duplex, http.ServerResponse>();

const createServer = (service: HttpService, limits: HttpServerLimits): http.Server => {
  let guard: ConnectionGuard | null = null;
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often the timeouts above are checked (Node's default is 30 s).
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)),
      ),
    },
    (request, response) => {
      const socket = request.socket;
      pending.set(socket, response);
      guard?.requestStarted(socket);
      response.once('close', () => {
        guard?.requestEnded(socket);
        if (pending.get(socket) === response) {
          pending.delete(socket);
        }
      });
      service.handle(toExchange(request, response, () => guard?.trust(socket)));
    },
  );
  guard = guardConnections(
    server,
    budgetWithinFdLimit(
      {
        untrusted: limits.untrustedConnections,
        trusted: limits.trustedConnections,
        untrustedTimeoutMs: limits.untrustedTimeoutMs,
      },
      openFilesLimit(),
    ),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    answerClientError(socket, error, service);
  });
  return server;
};

/**
 * A request node:http could not parse, or that was too slow (headers or body), still gets an
 * answer when the connection can take one; then the connection is closed.
 */
const answerClientError = (
  socket: Duplex,
  error: NodeJS.ErrnoException,
  service: HttpService,
): void => {
  const response = pending.get(socket);
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent === true) {
    socket.destroy();
    return;
  }
  const answer = service.protocolError(problemOf(error.code));
  if (response === undefined) {
    // Closed for good once sent: a half-closed socket would keep its descriptor (node:http
    // allows half-open connections) for as long as the client cares to keep its end open.
    socket.end(serialize(answer), () => socket.destroy());
    lingerAtMost(socket);
    return;
  }
  // The body was still arriving: answer through the pending response, then hang up.
  response.once('finish', () => socket.destroy());
  sendWhole(response, answer);
  lingerAtMost(socket);
};

/** A client that does not read even a short error answer is not waited for. */
const lingerAtMost = (socket: Duplex): void => {
  const timer = setTimeout(() => socket.destroy(), CLOSING_LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
};

/** The soft limit on open files, to keep connection budgets within; null when unknown. */
const openFilesLimit = (): number | null => {
  try {
    return readRlimit('nofile')?.soft ?? null;
  } catch {
    return null; // no /proc
  }
};

const problemOf = (code: string | undefined): HttpProtocolProblem =>
  code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ? 'request-timeout'
    : code === 'HPE_HEADER_OVERFLOW'
      ? 'headers-too-large'
      : 'bad-request';

/** A whole response as raw bytes, for connections node:http has given up parsing. */
const serialize = (response: HttpResponse): Buffer => {
  const head = [
    `HTTP/1.1 ${response.status} ${response.reason}`,
    ...response.headers.map(([name, value]) => `${name}: ${value}`),
    ...(hasHeader(response, 'connection') ? [] : ['Connection: close']),
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(response.body)]);
};

const hasHeader = (head: HttpResponseHead, name: string): boolean =>
  head.headers.some(([key]) => key.toLowerCase() === name);

const toExchange = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  trustConnection: () => void,
): HttpExchange => {
  const disconnect = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) {
      disconnect.abort();
    }
  });
  response.sendDate = false; // the service sends its own Date, in supervisord's header order
  return {
    request: {
      method: request.method ?? '',
      target: request.url ?? '',
      httpVersion: request.httpVersion,
      headers: flattenHeaders(request.headers),
    },
    readBody: (maxBytes) => readBody(request, maxBytes),
    respond: (whole) => sendWhole(response, whole),
    openStream: (head) => {
      writeHead(response, head);
      response.flushHeaders();
      return {
        write: (chunk) => response.destroyed || response.write(chunk),
        drained: () =>
          new Promise<void>((resolve) => {
            if (!response.writableNeedDrain || response.destroyed) {
              resolve();
              return;
            }
            // Each wait removes both of its listeners: a big answer waits many times.
            const done = (): void => {
              response.off('drain', done);
              response.off('close', done);
              resolve();
            };
            response.once('drain', done);
            response.once('close', done);
          }),
        end: () => response.end(),
      };
    },
    disconnected: disconnect.signal,
    trustConnection,
  };
};

const writeHead = (response: http.ServerResponse, head: HttpResponseHead): void => {
  for (const [name, value] of head.headers) {
    response.setHeader(name, value);
  }
  if (head.closeConnection) {
    response.shouldKeepAlive = false;
  }
  response.writeHead(head.status, head.reason);
};

const sendWhole = (response: http.ServerResponse, whole: HttpResponse): void => {
  if (response.headersSent || response.destroyed) {
    return;
  }
  writeHead(response, whole);
  response.end(whole.body);
};

const flattenHeaders = (headers: http.IncomingHttpHeaders): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );

const readBody = (request: http.IncomingMessage, maxBytes: number): Promise<BodyRead> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead): void => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering; node:http discards the rest once the response is sent.
        chunks.length = 0;
        settle({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    request.once('end', () => settle({ kind: 'complete', body: Buffer.concat(chunks) }));
    request.once('close', () => settle({ kind: 'aborted' }));
    request.once('error', () => settle({ kind: 'aborted' }));
  });
