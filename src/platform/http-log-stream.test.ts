import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openHttpLogStream } from './http-log-stream.js';

/** A log server on a unix socket: it sends `first`, then holds the response open. */
const logServer = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tss-log-stream-'));
  const path = join(dir, 'server.sock');
  let requests = 0;
  const server = http.createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.write('first\n');
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    endpoint: { kind: 'unix', path } as const,
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const stream = (endpoint: { kind: 'unix'; path: string }, signal: AbortSignal) => {
  const chunks: string[] = [];
  const end = openHttpLogStream({
    endpoint,
    path: '/logtail/web/stdout',
    username: null,
    password: null,
    signal,
    onData: (chunk) => chunks.push(Buffer.from(chunk).toString('utf8')),
  });
  return { chunks, end };
};

describe('openHttpLogStream', () => {
  it('passes the body on as it comes, until aborted', async () => {
    const server = await logServer();
    close = server.close;
    const controller = new AbortController();
    const { chunks, end } = stream(server.endpoint, controller.signal);
    await expect.poll(() => chunks.join('')).toBe('first\n');
    controller.abort();
    expect(await end).toEqual({ kind: 'aborted' });
  });

  it('sends nothing for a signal aborted before the call, and does not throw later', async () => {
    const server = await logServer();
    close = server.close;
    const controller = new AbortController();
    controller.abort();
    const { end } = stream(server.endpoint, controller.signal);
    expect(await end).toEqual({ kind: 'aborted' });
    // A request destroyed with no 'error' listener would throw "socket hang up" here, uncaught.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests()).toBe(0);
  });

  it('says when nobody listens at the address', async () => {
    const controller = new AbortController();
    const { end } = stream(
      { kind: 'unix', path: join(tmpdir(), 'tss-no-such-server.sock') },
      controller.signal,
    );
    expect(await end).toMatchObject({ kind: 'connect-failed', code: 'ENOENT' });
  });
});
