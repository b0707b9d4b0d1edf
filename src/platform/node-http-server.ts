// The real HTTP server transport on node:http: timeouts against slow or idle clients, a cap on
// connections, an answer even to unparseable requests, and the HttpExchange adapter.
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
import { listenTcp } from './tcp-listener.js';
import { listenUnixSocket } from './unix-socket-listener.js';

export const DEFAULT_HTTP_SERVER_LIMITS: HttpServerLimits = {
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
  // supervisorctl's transport does not retry on a connection the server closed while idle, so
  // idle connections are kept a long time, as supervisord (which never closes them) does.
  keepAliveTimeoutMs: 300_000,
  maxConnections: 1024,
};

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

/** Responses in progress per connection: a parse error may only be answered when none is. */
const inFlight = new WeakMap<Duplex, number>();

const createServer = (service: HttpService, limits: HttpServerLimits): http.Server => {
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
      inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
      response.once('close', () => inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1));
      service.handle(toExchange(request, response));
    },
  );
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable || (inFlight.get(socket) ?? 0) > 0) {
      socket.destroy();
      return;
    }
    socket.end(serialize(service.protocolError(problemOf(error.code))));
  });
  return server;
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

const toExchange = (request: http.IncomingMessage, response: http.ServerResponse): HttpExchange => {
  const disconnect = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) {
      disconnect.abort();
    }
  });
  response.sendDate = false; // the service sends its own Date, in supervisord's header order
  const writeHead = (head: HttpResponseHead): void => {
    for (const [name, value] of head.headers) {
      response.setHeader(name, value);
    }
    if (head.closeConnection) {
      response.shouldKeepAlive = false;
    }
    response.writeHead(head.status, head.reason);
  };
  return {
    request: {
      method: request.method ?? '',
      target: request.url ?? '',
      httpVersion: request.httpVersion,
      headers: flattenHeaders(request.headers),
    },
    readBody: (maxBytes) => readBody(request, maxBytes),
    respond: (whole) => {
      if (response.headersSent || response.destroyed) {
        return;
      }
      writeHead(whole);
      response.end(whole.body);
    },
    openStream: (head) => {
      writeHead(head);
      response.flushHeaders();
      return {
        write: (chunk) => response.destroyed || response.write(chunk),
        drained: () =>
          new Promise<void>((resolve) => {
            if (!response.writableNeedDrain || response.destroyed) {
              resolve();
              return;
            }
            response.once('drain', resolve);
            response.once('close', resolve);
          }),
        end: () => response.end(),
      };
    },
    disconnected: disconnect.signal,
  };
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
