// A real RPC server for integration tests: the test method family behind the real HTTP
// transport, on a temp unix socket and on 127.0.0.1:<free port>, each test its own directory.
// Also raw-socket helpers for sending exactly the bytes a test wants.

import { connect, type Socket } from 'node:net';

import type { HttpAuth } from '../../src/config/types.js';
import { nodeClock } from '../../src/platform/node-clock.js';
import { createNodeHttpClient } from '../../src/platform/node-http-client.js';
import {
  createNodeHttpServerTransport,
  DEFAULT_HTTP_SERVER_LIMITS,
} from '../../src/platform/node-http-server.js';
import type { HttpServerLimits } from '../../src/ports/http-transport.js';
import type { LogTailSource } from '../../src/ports/log-tail.js';
import type { DaemonLogger } from '../../src/ports/logger.js';
import { createRpcClient, type RpcClient } from '../../src/protocol/client.js';
import { createHttpService } from '../../src/rpc/http-service.js';
import { startHttpServers, type RunningHttpServers } from '../../src/rpc/http-servers.js';
import type { RpcMethod } from '../../src/rpc/method-definition.js';
import { createRpcService } from '../../src/rpc/rpc-service.js';
import { testMethods } from '../fakes/rpc-test-methods.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';

export interface RpcServerOptions {
  readonly auth?: HttpAuth | null;
  readonly shuttingDown?: () => boolean;
  readonly limits?: Partial<HttpServerLimits>;
  readonly maxBodyBytes?: number;
  readonly logTail?: LogTailSource | null;
  readonly methods?: readonly RpcMethod[];
  /** Reuse a directory (e.g. to start a second server on the same socket path). */
  readonly dir?: TempDir;
  readonly chmod?: number;
  readonly chown?: { uid: number; gid: number } | null;
  /** Default 0: a free port. */
  readonly tcpPort?: number;
}

export interface RpcTestServer {
  readonly dir: TempDir;
  readonly socketPath: string;
  readonly port: number;
  readonly unixUrl: string;
  readonly httpUrl: string;
  readonly logs: string[];
  readonly staleSockets: string[];
  readonly servers: RunningHttpServers;
  client(kind: 'unix' | 'tcp', credentials?: { username: string; password: string }): RpcClient;
  close(): Promise<void>;
}

export const recordingLogger = (logs: string[]): DaemonLogger => ({
  log: (level, message) => logs.push(`${level}: ${message}`),
  isEnabled: () => true,
});

export type StartAttempt =
  { ok: true; server: RpcTestServer } | { ok: false; message: string; logs: string[] };

export const tryStartRpcServer = async (options: RpcServerOptions = {}): Promise<StartAttempt> => {
  const dir = options.dir ?? makeTempDir('tss-rpc-');
  const socketPath = dir.join('rpc.sock');
  const logs: string[] = [];
  const staleSockets: string[] = [];
  const logger = recordingLogger(logs);
  const auth = options.auth ?? null;
  const service = createRpcService({
    methods: options.methods ?? testMethods(),
    isShuttingDown: options.shuttingDown ?? (() => false),
    logger,
  });
  const transport = createNodeHttpServerTransport({
    limits: { ...DEFAULT_HTTP_SERVER_LIMITS, ...options.limits },
    onServerError: (address, error) => logs.push(`server error ${address}: ${error.message}`),
  });
  const started = await startHttpServers({
    transport,
    unixServers: [
      {
        section: 'unix_http_server',
        file: socketPath,
        chmod: options.chmod ?? 0o700,
        chown: options.chown ?? null,
        auth,
      },
    ],
    inetServers: [
      { section: 'inet_http_server', host: '127.0.0.1', port: options.tcpPort ?? 0, auth },
    ],
    serviceFor: (listenerAuth) =>
      createHttpService({
        call: service.call,
        auth: listenerAuth,
        logTail: options.logTail ?? null,
        clock: nodeClock,
        logger,
        ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
      }),
    onStaleSocket: (path) => staleSockets.push(path),
    logger,
  });
  if (!started.ok) {
    if (options.dir === undefined) {
      dir.remove();
    }
    return { ok: false, message: started.message, logs };
  }
  const servers = started.servers;
  const port = servers.listeners.find((l) => l.port !== null)?.port ?? 0;
  const clients: RpcClient[] = [];
  const server: RpcTestServer = {
    dir,
    socketPath,
    port,
    unixUrl: `unix://${socketPath}`,
    httpUrl: `http://127.0.0.1:${port}`,
    logs,
    staleSockets,
    servers,
    client: (kind, credentials) => {
      const client = createRpcClient({
        endpoint: kind === 'unix' ? { kind, path: socketPath } : { kind, host: '127.0.0.1', port },
        username: credentials?.username ?? null,
        password: credentials?.password ?? null,
        transport: createNodeHttpClient(),
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients) {
        client.close();
      }
      await servers.close();
      if (options.dir === undefined) {
        dir.remove();
      }
    },
  };
  return { ok: true, server };
};

export const startRpcServer = async (options: RpcServerOptions = {}): Promise<RpcTestServer> => {
  const attempt = await tryStartRpcServer(options);
  if (!attempt.ok) {
    throw new Error(attempt.message);
  }
  return attempt.server;
};

export type Target = { path: string } | { port: number };

export const openSocket = (target: Target): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket =
      'path' in target ? connect(target.path) : connect({ host: '127.0.0.1', port: target.port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });

/**
 * Sends `bytes` and collects what comes back until the server closes the connection, `until`
 * matches the text so far, or `timeoutMs` passes (then `timedOut` is set).
 */
export const exchangeRaw = async (
  target: Target,
  bytes: string | Buffer,
  options: { until?: (text: string) => boolean; timeoutMs?: number; halfClose?: boolean } = {},
): Promise<{ text: string; closed: boolean; timedOut: boolean }> => {
  const socket = await openSocket(target);
  return new Promise((resolve) => {
    let text = '';
    let finished = false;
    const finish = (closed: boolean, timedOut: boolean): void => {
      if (!finished) {
        finished = true;
        clearTimeout(timer);
        socket.destroy();
        resolve({ text, closed, timedOut });
      }
    };
    const timer = setTimeout(() => finish(false, true), options.timeoutMs ?? 5000);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (options.until?.(text) === true) {
        finish(false, false);
      }
    });
    socket.on('end', () => finish(true, false));
    socket.on('close', () => finish(true, false));
    socket.on('error', () => finish(true, false));
    socket.write(bytes);
    if (options.halfClose === true) {
      socket.end();
    }
  });
};

/** A complete HTTP response has arrived (headers and Content-Length bytes of body). */
export const hasCompleteResponse = (text: string): boolean => {
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) {
    return false;
  }
  const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, split));
  return length !== null && Buffer.byteLength(text.slice(split + 4)) >= Number(length[1]);
};

export const postRpc = (body: string, extraHeaders = ''): string =>
  `POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}\r\n${body}`;

export const methodCall = (name: string, paramsXml = ''): string =>
  `<?xml version='1.0'?>\n<methodCall>\n<methodName>${name}</methodName>\n<params>\n${paramsXml}</params>\n</methodCall>\n`;
