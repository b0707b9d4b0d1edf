// Listening on TCP for [inet_http_server]: IPv4 only like supervisord ('' = all interfaces, a
// host name resolves to its IPv4 address), backlog 1024, EADDRINUSE reported as such.

import { lookup } from 'node:dns/promises';
import type http from 'node:http';

import type {
  HttpListener,
  ListenError,
  ListenResult,
  TcpListenSpec,
} from '../ports/http-transport.js';

export const listenTcp = async (
  spec: TcpListenSpec,
  server: http.Server,
  onServerError: (address: string, error: Error) => void,
): Promise<ListenResult> => {
  const wanted = `${spec.host}:${spec.port}`;
  let host: string;
  try {
    host =
      spec.host === '' || spec.host === '*'
        ? '0.0.0.0'
        : (await lookup(spec.host, { family: 4 })).address;
  } catch (error: unknown) {
    return {
      ok: false,
      error: { kind: 'failed', address: wanted, message: messageOf(error), errno: null },
    };
  }
  return new Promise((resolve) => {
    const onListenError = (error: NodeJS.ErrnoException): void => {
      resolve({ ok: false, error: listenError(wanted, error) });
    };
    server.once('error', onListenError);
    server.listen({ host, port: spec.port, backlog: 1024 }, () => {
      server.off('error', onListenError);
      const bound = server.address();
      const port = typeof bound === 'object' && bound !== null ? bound.port : spec.port;
      const address = `${spec.host}:${port}`;
      server.on('error', (error) => onServerError(address, error));
      resolve({ ok: true, listener: tcpListener(server, address, port) });
    });
  });
};

const tcpListener = (server: http.Server, address: string, port: number): HttpListener => ({
  address,
  port,
  close: () => closeServer(server),
});

/** Stops accepting and drops every open connection, kept-alive and streaming ones included. */
export const closeServer = (server: http.Server): Promise<void> =>
  new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });

export const listenError = (address: string, error: NodeJS.ErrnoException): ListenError =>
  error.code === 'EADDRINUSE'
    ? { kind: 'address-in-use', address }
    : {
        kind: 'failed',
        address,
        message: error.message,
        errno:
          error.code !== undefined && error.errno !== undefined
            ? { code: error.code, number: Math.abs(error.errno) }
            : null,
      };

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
