// /logtail and /mainlogtail over real sockets: chunked streaming on HTTP/1.1, a plain stream on
// HTTP/1.0, 404s, and followers that stop when the client or the server goes away.

import { afterEach, beforeEach, expect, it } from 'vitest';

import { fakeLogTail, type FakeLogTail } from '../fakes/fake-log-tail.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  exchangeRaw,
  hasCompleteResponse,
  openSocket,
  startRpcServer,
  type RpcTestServer,
} from './rpc-harness.js';

let server: RpcTestServer;
let logs: FakeLogTail;
beforeEach(async () => {
  logs = fakeLogTail({
    'web/stdout': `${'x'.repeat(2000)}last line\n`,
    'web/stderr': 'oops\n',
    main: 'daemon log\n',
  });
  server = await startRpcServer({ logTail: logs });
});
afterEach(async () => {
  await server.close();
});

const follow = async (request: string) => {
  const socket = await openSocket({ path: server.socketPath });
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.write(request);
  return { socket, text: () => text };
};

it('streams the tail of a process log, then what is appended, chunked', async () => {
  const { socket, text } = await follow('GET /logtail/web HTTP/1.1\r\nHost: x\r\n\r\n');
  await waitFor(() => text().includes('last line\n'), { what: 'the initial tail' });
  expect(text()).toMatch(
    /^HTTP\/1.1 200 OK\r\nServer: Medusa\/1.12\r\nDate: .+ GMT\r\nLast-Modified: Fri, 02 Jan 2026 03:04:05 GMT\r\nContent-Type: text\/plain;charset=utf-8\r\nX-Accel-Buffering: no\r\n/,
  );
  expect(text()).toContain('Transfer-Encoding: chunked');
  expect(text()).toContain(`\r\n400\r\n${'x'.repeat(1024 - 'last line\n'.length)}last line\n\r\n`);
  logs.append('web/stdout', 'new line\n');
  await waitFor(() => text().endsWith('\r\n9\r\nnew line\n\r\n'), { what: 'the appended line' });
  socket.destroy();
  await waitFor(() => logs.active() === 0, { what: 'the follower to stop' });
});

it('streams stderr and the main log', async () => {
  const stderr = await follow('GET /logtail/web/stderr HTTP/1.1\r\nHost: x\r\n\r\n');
  await waitFor(() => stderr.text().includes('oops\n'));
  const main = await follow('GET /mainlogtail HTTP/1.1\r\nHost: x\r\n\r\n');
  await waitFor(() => main.text().includes('daemon log\n'));
  expect(main.text()).not.toContain('X-Accel-Buffering');
  stderr.socket.destroy();
  main.socket.destroy();
});

it('sends a plain stream to an HTTP/1.0 client', async () => {
  const { socket, text } = await follow('GET /logtail/web/stderr HTTP/1.0\r\n\r\n');
  await waitFor(() => text().endsWith('\r\n\r\noops\n'), { what: 'the unchunked tail' });
  expect(text()).not.toContain('chunked');
  socket.destroy();
});

it.each(['/logtail/nope', '/logtail/web/stdin', '/logtail/'])(
  'answers %s with 404',
  async (path) => {
    const result = await exchangeRaw(
      { path: server.socketPath },
      `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`,
      {
        until: hasCompleteResponse,
      },
    );
    expect(result.text).toMatch(/^HTTP\/1.1 404 Not Found/);
  },
);

it('ends open streams when the server closes', async () => {
  const { socket } = await follow('GET /logtail/web HTTP/1.1\r\nHost: x\r\n\r\n');
  await waitFor(() => logs.active() === 1, { what: 'a follower' });
  const closed = new Promise((resolve) => socket.once('close', resolve));
  await server.servers.close();
  await closed;
  await waitFor(() => logs.active() === 0, { what: 'the follower to stop' });
});
