// Listening: the unix socket's mode, owner and removal, stale socket takeover, and refusing to
// start when another server already answers on the socket path or the TCP port.

import { existsSync, linkSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { ALREADY_LISTENING_MESSAGE } from '../../src/rpc/http-servers.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { startRpcServer, tryStartRpcServer, type RpcTestServer } from './rpc-harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

const tempDir = (): TempDir => {
  const dir = makeTempDir('tss-sock-');
  cleanups.push(() => dir.remove());
  return dir;
};

const started = async (options: Parameters<typeof startRpcServer>[0]): Promise<RpcTestServer> => {
  const server = await startRpcServer(options);
  cleanups.push(() => server.close());
  return server;
};

const listenNet = (server: Server, path: string): Promise<void> =>
  new Promise((resolve) => server.listen(path, resolve));

/** A socket file nobody listens on, as a crashed daemon leaves behind. */
const leaveStaleSocket = async (path: string): Promise<void> => {
  const server = createServer();
  await listenNet(server, `${path}.bound`);
  linkSync(`${path}.bound`, path);
  await new Promise((resolve) => server.close(resolve)); // removes only the `.bound` name
};

describe('the socket file', () => {
  it('is created with mode 0700 by default, or the configured chmod', async () => {
    const first = await started({});
    expect(statSync(first.socketPath).mode & 0o777).toBe(0o700);
    expect(statSync(first.socketPath).isSocket()).toBe(true);
    const second = await started({ chmod: 0o766 });
    expect(statSync(second.socketPath).mode & 0o777).toBe(0o766);
  });

  it('leaves no temp name behind, and is removed on close', async () => {
    const server = await startRpcServer({});
    expect(existsSync(`${server.socketPath}.${process.pid}`)).toBe(false);
    const path = server.socketPath;
    await server.close();
    expect(existsSync(path)).toBe(false);
  });

  it('is not removed on close when another daemon has replaced it', async () => {
    const dir = tempDir();
    const server = await startRpcServer({ dir });
    unlinkSync(server.socketPath);
    await leaveStaleSocket(server.socketPath);
    await server.close();
    expect(existsSync(server.socketPath)).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)('is chowned as configured', async () => {
    const server = await started({ chown: { uid: 65534, gid: 65534 } });
    expect(statSync(server.socketPath)).toMatchObject({ uid: 65534, gid: 65534 });
  });
});

describe('taking over a stale socket', () => {
  it('removes a socket nobody answers on, says so, and serves', async () => {
    const dir = tempDir();
    await leaveStaleSocket(dir.join('rpc.sock'));
    const server = await started({ dir });
    expect(server.staleSockets).toEqual([dir.join('rpc.sock')]);
    expect(await server.client('unix').call('test.add', [1, 2])).toBe(3);
  });

  it('refuses to remove a file that is not a socket', async () => {
    const dir = tempDir();
    writeFileSync(dir.join('rpc.sock'), 'precious');
    const attempt = await tryStartRpcServer({ dir });
    expect(attempt).toMatchObject({
      ok: false,
      message: expect.stringMatching(/exists and is not a socket$/),
    });
    expect(existsSync(dir.join('rpc.sock'))).toBe(true);
  });
});

describe('refusing to start', () => {
  it('when another server answers on the socket path, leaving it alone', async () => {
    const dir = tempDir();
    const first = await started({ dir });
    const second = await tryStartRpcServer({ dir });
    expect(second).toEqual({
      ok: false,
      message: ALREADY_LISTENING_MESSAGE,
      logs: expect.any(Array),
    });
    expect(await first.client('unix').call('test.add', [2, 2])).toBe(4);
  });

  it('when any other program accepts connections on the socket path', async () => {
    const dir = tempDir();
    const other = createServer((socket) => socket.resume().end());
    await listenNet(other, dir.join('rpc.sock'));
    cleanups.push(() => new Promise((resolve) => other.close(() => resolve())));
    expect(await tryStartRpcServer({ dir })).toMatchObject({
      ok: false,
      message: ALREADY_LISTENING_MESSAGE,
    });
  });

  it('when the TCP port is taken, closing the listeners it had opened', async () => {
    const first = await started({});
    const second = await tryStartRpcServer({ tcpPort: first.port });
    expect(second).toMatchObject({ ok: false, message: ALREADY_LISTENING_MESSAGE });
    expect(await first.client('tcp').call('test.add', [3, 3])).toBe(6);
  });

  it('with a precise message when the socket cannot be created', async () => {
    const dir = tempDir();
    const attempt = await tryStartRpcServer({
      dir: { ...dir, join: () => `${dir.path}/no/such/dir/rpc.sock` },
    });
    expect(attempt).toMatchObject({
      ok: false,
      message: 'Cannot open an HTTP server: socket.error reported errno.ENOENT (2)',
    });
  });
});
