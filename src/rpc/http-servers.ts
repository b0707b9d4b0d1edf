// Opens the configured HTTP servers ([unix_http_server], [inet_http_server]) on the transport,
// all serving the same routes, each with its own credentials; all or nothing, with
// supervisord's startup error messages.

import type { HttpAuth, InetHttpServerConfig, UnixHttpServerConfig } from '../config/types.js';
import type {
  HttpListener,
  HttpServerTransport,
  HttpService,
  ListenError,
  ListenResult,
} from '../ports/http-transport.js';
import type { DaemonLogger } from '../ports/logger.js';

export const ALREADY_LISTENING_MESSAGE =
  'Another program is already listening on a port that one of our HTTP servers is configured ' +
  'to use.  Shut this program down first before starting supervisord.';

export interface HttpServersOptions {
  readonly transport: HttpServerTransport;
  readonly unixServers: readonly UnixHttpServerConfig[];
  readonly inetServers: readonly InetHttpServerConfig[];
  /** The service for one listener, given that listener's credentials. */
  readonly serviceFor: (auth: HttpAuth | null) => HttpService;
  /** supervisord writes `Unlinking stale socket <path>` to stderr here. */
  readonly onStaleSocket: (path: string) => void;
  readonly logger: DaemonLogger;
}

export interface RunningHttpServers {
  readonly listeners: readonly HttpListener[];
  /** Closes every listener (removing unix socket files) and drops open connections. */
  close(): Promise<void>;
}

export type StartHttpServersResult =
  | { readonly ok: true; readonly servers: RunningHttpServers }
  /** `message` is what the daemon prints before exiting (a usage error in supervisord). */
  | { readonly ok: false; readonly message: string };

export const startHttpServers = async (
  options: HttpServersOptions,
): Promise<StartHttpServersResult> => {
  const { transport, logger } = options;
  const opens: {
    section: string;
    auth: HttpAuth | null;
    open: (s: HttpService) => Promise<ListenResult>;
  }[] = [
    ...options.inetServers.map((server) => ({
      section: server.section,
      auth: server.auth,
      open: (service: HttpService) =>
        transport.listenTcp({ host: server.host, port: server.port }, service),
    })),
    ...options.unixServers.map((server) => ({
      section: server.section,
      auth: server.auth,
      open: (service: HttpService) =>
        transport.listenUnix(
          {
            path: server.file,
            mode: server.chmod,
            owner: server.chown,
            onStaleSocket: options.onStaleSocket,
          },
          service,
        ),
    })),
  ];
  const listeners: HttpListener[] = [];
  const closeAll = async (): Promise<void> => {
    await Promise.all(listeners.map((listener) => listener.close()));
  };
  for (const { section, auth, open } of opens) {
    if (auth === null) {
      logger.log(
        'critical',
        `Server '${section}' running without any HTTP authentication checking`,
      );
    }
    const result = await open(options.serviceFor(auth));
    if (!result.ok) {
      await closeAll();
      return { ok: false, message: listenErrorMessage(result.error) };
    }
    listeners.push(result.listener);
  }
  return { ok: true, servers: { listeners, close: closeAll } };
};

export const listenErrorMessage = (error: ListenError): string => {
  switch (error.kind) {
    case 'address-in-use':
      return ALREADY_LISTENING_MESSAGE;
    case 'chown-not-permitted':
      return (
        `Not permitted to chown ${error.path} to uid/gid (${error.uid}, ${error.gid}); adjust ` +
        '"sockchown" value in config file or on command line to values that the current user ' +
        `(${error.user}) can successfully chown`
      );
    case 'failed':
      return error.errno === null
        ? `Cannot open an HTTP server on ${error.address}: ${error.message}`
        : `Cannot open an HTTP server: socket.error reported errno.${error.errno.code} (${error.errno.number})`;
  }
};
