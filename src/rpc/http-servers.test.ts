import { describe, expect, it } from 'vitest';

import type {
  HttpListener,
  HttpServerTransport,
  HttpService,
  ListenError,
  ListenResult,
} from '../ports/http-transport.js';
import type { DaemonLogger } from '../ports/logger.js';
import { ALREADY_LISTENING_MESSAGE, listenErrorMessage, startHttpServers } from './http-servers.js';

const service: HttpService = {
  handle: () => undefined,
  protocolError: () => ({ status: 400, reason: '', headers: [], closeConnection: true, body: '' }),
};

/** Opens listeners in order; the one named in `failAt` fails with `error`. */
const fakeTransport = (failAt: string | null, error: ListenError) => {
  const opened: string[] = [];
  const closed: string[] = [];
  const open = (address: string): Promise<ListenResult> => {
    if (address === failAt) {
      return Promise.resolve({ ok: false, error });
    }
    opened.push(address);
    const listener: HttpListener = {
      address,
      port: null,
      close: () => {
        closed.push(address);
        return Promise.resolve();
      },
    };
    return Promise.resolve({ ok: true, listener });
  };
  const transport: HttpServerTransport = {
    listenUnix: (spec) => open(spec.path),
    listenTcp: (spec) => open(`${spec.host}:${spec.port}`),
  };
  return { transport, opened, closed };
};

const start = (transport: HttpServerTransport, logs: string[] = []) => {
  const logger: DaemonLogger = {
    log: (level, m) => logs.push(`${level}: ${m}`),
    isEnabled: () => true,
  };
  return startHttpServers({
    transport,
    unixServers: [
      { section: 'unix_http_server', file: '/run/s.sock', chmod: 0o700, chown: null, auth: null },
    ],
    inetServers: [
      { section: 'inet_http_server', host: '', port: 9001, auth: { username: 'u', password: 'p' } },
    ],
    serviceFor: () => service,
    onStaleSocket: () => undefined,
    logger,
  });
};

describe('startHttpServers', () => {
  it('opens every listener and warns about the unauthenticated ones', async () => {
    const { transport, opened } = fakeTransport(null, { kind: 'address-in-use', address: '' });
    const logs: string[] = [];
    const result = await start(transport, logs);
    expect(result.ok && result.servers.listeners.map((l) => l.address)).toEqual([
      ':9001',
      '/run/s.sock',
    ]);
    expect(opened).toEqual([':9001', '/run/s.sock']);
    expect(logs).toEqual([
      "critical: Server 'unix_http_server' running without any HTTP authentication checking",
    ]);
  });

  it('is all or nothing: a failure closes the listeners already open', async () => {
    const { transport, closed } = fakeTransport('/run/s.sock', {
      kind: 'address-in-use',
      address: '/run/s.sock',
    });
    expect(await start(transport)).toEqual({ ok: false, message: ALREADY_LISTENING_MESSAGE });
    expect(closed).toEqual([':9001']);
  });
});

describe('listenErrorMessage', () => {
  it.each<[ListenError, string]>([
    [{ kind: 'address-in-use', address: ':9001' }, ALREADY_LISTENING_MESSAGE],
    [
      { kind: 'chown-not-permitted', path: '/run/s.sock', uid: 1000, gid: 1000, user: 'nobody' },
      'Not permitted to chown /run/s.sock to uid/gid (1000, 1000); adjust "sockchown" value in config file or on command line to values that the current user (nobody) can successfully chown',
    ],
    [
      {
        kind: 'failed',
        address: '/run/s.sock',
        message: 'x',
        errno: { code: 'EACCES', number: 13 },
      },
      'Cannot open an HTTP server: socket.error reported errno.EACCES (13)',
    ],
    [
      {
        kind: 'failed',
        address: 'nohost:9001',
        message: 'getaddrinfo ENOTFOUND nohost',
        errno: null,
      },
      'Cannot open an HTTP server on nohost:9001: getaddrinfo ENOTFOUND nohost',
    ],
  ])('%j', (error, message) => {
    expect(listenErrorMessage(error)).toBe(message);
  });
});
