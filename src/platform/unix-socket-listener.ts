// Listening on a unix socket for [unix_http_server], with supervisord's creation dance: bind a
// temp name, chmod it, hard-link it into place. A failed link means the name exists: if
// something answers there, refuse ("already listening"); if not, the socket is stale: remove it
// and try again. The socket file is removed on close, unless another daemon has replaced it.

import { chmod, chown, link, lstat, stat, unlink } from 'node:fs/promises';
import type http from 'node:http';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';

import type {
  HttpListener,
  ListenError,
  ListenResult,
  UnixListenSpec,
} from '../ports/http-transport.js';
import { closeServer, listenError } from './tcp-listener.js';

/** A racing daemon can make the name reappear; give up after this many takeovers. */
const MAX_ATTEMPTS = 3;
/** How long the "is anybody there?" probe waits for an answer. */
const PROBE_TIMEOUT_MS = 2000;

export const listenUnixSocket = async (
  spec: UnixListenSpec,
  makeServer: () => http.Server,
  onServerError: (address: string, error: Error) => void,
): Promise<ListenResult> => {
  const tempPath = `${spec.path}.${process.pid}`;
  await unlinkQuietly(tempPath);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const server = makeServer();
    const bound = await listenOnPath(server, tempPath);
    if (bound !== null) {
      return { ok: false, error: listenError(spec.path, await explainBindError(bound, spec.path)) };
    }
    try {
      await chmod(tempPath, spec.mode);
      await link(tempPath, spec.path);
    } catch (error: unknown) {
      await unlinkQuietly(tempPath);
      await closeServer(server);
      if (errnoCode(error) !== 'EEXIST') {
        return { ok: false, error: listenError(spec.path, error as NodeJS.ErrnoException) };
      }
      if (!(await isSocketFile(spec.path))) {
        // supervisord would unlink whatever is there; a file that is not a socket is not stale.
        return {
          ok: false,
          error: {
            kind: 'failed',
            address: spec.path,
            message: `${spec.path} exists and is not a socket`,
            errno: null,
          },
        };
      }
      if (await isAnswering(spec.path)) {
        return { ok: false, error: { kind: 'address-in-use', address: spec.path } };
      }
      spec.onStaleSocket(spec.path);
      await unlinkQuietly(spec.path);
      continue;
    }
    await unlinkQuietly(tempPath);
    return finishListening(spec, server, onServerError);
  }
  return {
    ok: false,
    error: {
      kind: 'failed',
      address: spec.path,
      message: `could not replace stale socket ${spec.path}`,
      errno: null,
    },
  };
};

const finishListening = async (
  spec: UnixListenSpec,
  server: http.Server,
  onServerError: (address: string, error: Error) => void,
): Promise<ListenResult> => {
  try {
    if (spec.owner !== null) {
      await chownSocket(spec.path, spec.owner);
    }
    const { dev, ino } = await stat(spec.path);
    server.on('error', (error) => onServerError(spec.path, error));
    const listener: HttpListener = {
      address: spec.path,
      port: null,
      close: async () => {
        await closeServer(server);
        await unlinkIfSame(spec.path, dev, ino);
      },
    };
    return { ok: true, listener };
  } catch (error: unknown) {
    await closeServer(server);
    await unlinkQuietly(spec.path);
    if (error instanceof ChownNotPermitted) {
      return { ok: false, error: error.detail };
    }
    return { ok: false, error: listenError(spec.path, error as NodeJS.ErrnoException) };
  }
};

class ChownNotPermitted extends Error {
  constructor(readonly detail: Extract<ListenError, { kind: 'chown-not-permitted' }>) {
    super(`not permitted to chown ${detail.path}`);
  }
}

const chownSocket = async (
  path: string,
  owner: { readonly uid: number; readonly gid: number },
): Promise<void> => {
  try {
    await chown(path, owner.uid, owner.gid);
  } catch (error: unknown) {
    if (errnoCode(error) === 'EPERM') {
      throw new ChownNotPermitted({
        kind: 'chown-not-permitted',
        path,
        uid: owner.uid,
        gid: owner.gid,
        user: userInfo().username,
      });
    }
    throw error;
  }
};

const listenOnPath = (server: http.Server, path: string): Promise<NodeJS.ErrnoException | null> =>
  new Promise((resolve) => {
    server.once('error', resolve);
    server.listen({ path, backlog: 1024 }, () => {
      server.off('error', resolve);
      resolve(null);
    });
  });

/** supervisord's probe: connect, send a request, and see whether anything comes back. */
const isAnswering = (path: string): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(path);
    let connected = false;
    const done = (answering: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answering);
    };
    // Something that accepts but never answers is still somebody's socket: leave it alone.
    const timer = setTimeout(() => done(connected), PROBE_TIMEOUT_MS);
    socket.once('connect', () => {
      connected = true;
      socket.write('GET / HTTP/1.0\r\n\r\n');
    });
    socket.once('data', () => done(true));
    socket.once('end', () => done(true));
    socket.once('error', () => done(false));
  });

/** libuv reports a missing directory as EACCES; say ENOENT, as supervisord (and the OS) would. */
const explainBindError = async (
  error: NodeJS.ErrnoException,
  path: string,
): Promise<NodeJS.ErrnoException> => {
  if (error.code !== 'EACCES') {
    return error;
  }
  try {
    await stat(dirname(path));
    return error;
  } catch {
    return Object.assign(new Error(`no such directory: ${dirname(path)}`), {
      code: 'ENOENT',
      errno: -2,
    });
  }
};

const isSocketFile = async (path: string): Promise<boolean> => {
  try {
    return (await lstat(path)).isSocket();
  } catch {
    return true; // vanished meanwhile: let the next attempt find out
  }
};

const unlinkIfSame = async (path: string, dev: number, ino: number): Promise<void> => {
  try {
    const now = await stat(path);
    if (now.dev === dev && now.ino === ino) {
      await unlink(path);
    }
  } catch {
    // already gone
  }
};

const unlinkQuietly = async (path: string): Promise<void> => {
  try {
    await unlink(path);
  } catch {
    // nothing to remove
  }
};

const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
