// The HTTP layer on the wire: supervisord's status codes, headers and error pages, keep-alive
// rules and body limits, checked with raw sockets and with curl.

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  exchangeRaw,
  hasCompleteResponse,
  methodCall,
  openSocket,
  postRpc,
  startRpcServer,
  type RpcTestServer,
} from './rpc-harness.js';

const run = promisify(execFile);

const errorBody = (code: number, reason: string): string =>
  `<head>\r\n<title>Error response</title>\r\n</head>\r\n<body>\r\n<h1>Error response</h1>\r\n` +
  `<p>Error code ${code}.\r\n<p>Message: ${reason}.\r\n</body>\r\n`;

const DATE = /[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/;

const split = (text: string) => {
  const at = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = text.slice(0, at).split('\r\n');
  return { statusLine, headerLines, body: text.slice(at + 4) };
};

let server: RpcTestServer;
beforeEach(async () => {
  server = await startRpcServer({ maxBodyBytes: 64 * 1024 });
});
afterEach(async () => {
  await server.close();
});

const ask = (bytes: string | Buffer, target: 'unix' | 'tcp' = 'unix') =>
  exchangeRaw(target === 'unix' ? { path: server.socketPath } : { port: server.port }, bytes, {
    until: hasCompleteResponse,
  });

describe('responses look like supervisord', () => {
  it('sends an XML-RPC answer with Server, Date, Content-Type, Content-Length in that order', async () => {
    const { text } = await ask(postRpc(methodCall('supervisor.getAPIVersion')));
    const { statusLine, headerLines, body } = split(text);
    expect(statusLine).toBe('HTTP/1.1 200 OK');
    expect(headerLines.slice(0, 4)).toEqual([
      'Server: Medusa/1.12',
      expect.stringMatching(new RegExp(`^Date: ${DATE.source}$`)),
      'Content-Type: text/xml',
      'Content-Length: 129',
    ]);
    expect(body).toBe(
      "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><string>3.0</string></value>\n</param>\n</params>\n</methodResponse>\n",
    );
  });

  it.each<[string, string, number, string]>([
    ['GET on /RPC2', 'GET /RPC2 HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'Bad Request'],
    ['an unknown path', 'GET /nothere HTTP/1.1\r\nHost: x\r\n\r\n', 404, 'Not Found'],
    [
      'POST without Content-Length',
      'POST /RPC2 HTTP/1.1\r\nHost: x\r\n\r\n',
      411,
      'Length Required',
    ],
    [
      'a chunked POST',
      'POST /RPC2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
      411,
      'Length Required',
    ],
    ['unparseable XML', postRpc('<methodCall><methodName>x'), 400, 'Bad Request'],
    ['an empty methodName', postRpc(methodCall('')), 400, 'Bad Request'],
    [
      'a DOCTYPE with an entity (supervisord would expand it)',
      postRpc(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "test.add">]><methodCall><methodName>&a;</methodName></methodCall>',
      ),
      400,
      'Bad Request',
    ],
  ])('answers %s with the HTML error page', async (_label, request, code, reason) => {
    const { text } = await ask(request);
    const { statusLine, headerLines, body } = split(text);
    expect(statusLine).toBe(`HTTP/1.1 ${code} ${reason}`);
    expect(headerLines.slice(0, 4)).toEqual([
      'Server: Medusa/1.12',
      expect.stringMatching(/^Date: /),
      `Content-Length: ${errorBody(code, reason).length}`,
      'Content-Type: text/html',
    ]);
    expect(body).toBe(errorBody(code, reason));
  });

  it('answers HEAD /ok.html with 404 like supervisord, but without a body (HTTP says so)', async () => {
    const { text } = await exchangeRaw(
      { path: server.socketPath },
      'HEAD /ok.html HTTP/1.1\r\nHost: x\r\n\r\n',
      { until: (t) => t.includes('\r\n\r\n') },
    );
    expect(split(text)).toMatchObject({ statusLine: 'HTTP/1.1 404 Not Found', body: '' });
  });

  it('answers a body that is not UTF-8 with 400', async () => {
    const body = Buffer.from([0x3c, 0x61, 0xff, 0x3e]);
    const head = `POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { text } = await ask(Buffer.concat([Buffer.from(head), body]));
    expect(split(text).statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(
      server.logs.some((line) => line.startsWith('error: XML-RPC request data is invalid')),
    ).toBe(true);
  });

  it('logs what was wrong with an unparseable request', async () => {
    await ask(postRpc('<methodCall><methodName>a.b</methodName><bogus/></methodCall>'));
    expect(server.logs).toContainEqual(
      expect.stringMatching(
        /^error: XML-RPC request data ".*" is invalid: .*<bogus> is not allowed/,
      ),
    );
  });

  it('serves /RPC2 under any path that starts with it, and /ok.html', async () => {
    const rpc = await ask(
      postRpc(methodCall('supervisor.getAPIVersion')).replace('/RPC2', '/RPC2xyz'),
    );
    expect(split(rpc.text).body).toContain('<string>3.0</string>');
    const ok = await ask('GET /ok.html?probe=1 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(split(ok.text)).toMatchObject({
      statusLine: 'HTTP/1.1 200 OK',
      headerLines: expect.arrayContaining(['Content-Type: text/plain', 'Content-Length: 2']),
      body: 'OK',
    });
  });

  it('answers a request line it cannot parse, then closes', async () => {
    const result = await exchangeRaw({ path: server.socketPath }, 'garbage\r\n\r\n');
    expect(split(result.text).statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(result.closed).toBe(true);
  });
});

describe('body limits', () => {
  it('refuses an announced oversized body with 413 before reading it, and closes', async () => {
    const head = 'POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n<methodCall>';
    const result = await exchangeRaw({ path: server.socketPath }, head);
    expect(split(result.text).statusLine).toBe('HTTP/1.1 413 Request Entity Too Large');
    expect(result.closed).toBe(true);
  });

  it('lets curl see the 413 while it is still uploading', async () => {
    const big = server.dir.join('big.xml');
    writeFileSync(big, 'x'.repeat(8 * 1024 * 1024));
    const { stdout } = await run('curl', [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '--unix-socket',
      server.socketPath,
      '-H',
      'Content-Type: text/xml',
      '--data-binary',
      `@${big}`,
      'http://localhost/RPC2',
    ]);
    expect(stdout).toBe('413');
  });
});

describe('keep-alive rules', () => {
  const twoRequests = postRpc(
    methodCall(
      'test.add',
      '<param><value><int>1</int></value></param><param><value><int>2</int></value></param>',
    ),
  );

  it('keeps an HTTP/1.1 connection open for further requests, even after an error page', async () => {
    const socket = await openSocket({ path: server.socketPath });
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.write(postRpc('not xml'));
    socket.write(twoRequests);
    socket.write(twoRequests);
    await expect.poll(() => text.split('HTTP/1.1 ').length - 1, { timeout: 5000 }).toBe(3);
    expect(text).toContain('400 Bad Request');
    expect(text.match(/<int>3<\/int>/g)).toHaveLength(2);
    socket.destroy();
  });

  it('closes after a response when the client says Connection: close', async () => {
    const result = await exchangeRaw(
      { port: server.port },
      postRpc(methodCall('test.plus', ''), 'Connection: close\r\n'),
    );
    expect(result.closed).toBe(true);
    expect(result.text).toContain('INCORRECT_PARAMETERS');
  });

  it('closes an HTTP/1.0 connection unless it asks for keep-alive', async () => {
    const request = postRpc(methodCall('supervisor.getAPIVersion')).replace('HTTP/1.1', 'HTTP/1.0');
    const closing = await exchangeRaw({ port: server.port }, request);
    expect(closing.closed).toBe(true);
    expect(closing.text).toContain('<string>3.0</string>');
    const kept = await exchangeRaw(
      { port: server.port },
      request.replace('Host: localhost', 'Host: localhost\r\nConnection: keep-alive'),
      {
        until: hasCompleteResponse,
      },
    );
    expect(kept.closed).toBe(false);
  });
});

describe('with curl', () => {
  const curl = async (args: string[]) => (await run('curl', ['-sS', '-i', ...args])).stdout;
  const call = methodCall(
    'test.greet',
    '<param><value><string>wörld</string></value></param><param><value><boolean>1</boolean></value></param>',
  );

  it('answers POST /RPC2 over the unix socket and TCP', async () => {
    for (const target of [
      ['--unix-socket', server.socketPath, 'http://localhost/RPC2'],
      [`${server.httpUrl}/RPC2`],
    ]) {
      const out = await curl(['-H', 'Content-Type: text/xml', '--data-binary', call, ...target]);
      expect(out).toMatch(/^HTTP\/1.1 200 OK\r\nServer: Medusa\/1.12\r\n/);
      expect(out).toContain('<value><string>HELLO WÖRLD!</string></value>');
    }
  });

  it('gets /ok.html and the 400 for a GET on /RPC2', async () => {
    expect(await curl([`${server.httpUrl}/ok.html`])).toMatch(/\r\n\r\nOK$/);
    expect(await curl([`${server.httpUrl}/RPC2`])).toMatch(/^HTTP\/1.1 400 Bad Request/);
  });
});
