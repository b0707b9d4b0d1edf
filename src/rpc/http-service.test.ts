import { describe, expect, it } from 'vitest';

import { fakeExchange, type FakeRequest } from '../../test/fakes/fake-http-exchange.js';
import { testMethods } from '../../test/fakes/rpc-test-methods.js';
import type { Clock } from '../ports/clock.js';
import type { HttpResponse, HttpResponseHead } from '../ports/http-transport.js';
import type { LogTailSource } from '../ports/log-tail.js';
import type { DaemonLogger } from '../ports/logger.js';
import { okResponse } from './http-responses.js';
import { createHttpService, type HttpServiceOptions } from './http-service.js';
import { createRpcService } from './rpc-service.js';
import { encodeMethodCall, encodeMethodResponse } from '../protocol/xmlrpc/xmlrpc-encode.js';

const NOW = Date.UTC(2026, 10, 21, 1, 57, 39);
const clock: Clock = {
  monotonicMs: () => 0,
  wallMs: () => NOW,
  setTimer: () => ({ cancel: () => undefined }),
  afterIo: () => ({ cancel: () => undefined }),
};
const logs: string[] = [];
const logger: DaemonLogger = {
  log: (level, m) => logs.push(`${level}: ${m}`),
  isEnabled: () => true,
};
const rpc = createRpcService({ methods: testMethods(), isShuttingDown: () => false, logger });

const service = (options: Partial<HttpServiceOptions> = {}) =>
  createHttpService({ call: rpc.call, auth: null, logTail: null, clock, logger, ...options });

const send = async (request: FakeRequest, options: Partial<HttpServiceOptions> = {}) => {
  const fake = fakeExchange(request);
  service(options).handle(fake.exchange);
  return { fake, response: (await fake.answered) as HttpResponse };
};

const call = (name: string, params = ''): string =>
  `<?xml version='1.0'?><methodCall><methodName>${name}</methodName><params>${params}</params></methodCall>`;

const header = (head: HttpResponseHead, name: string): string | undefined =>
  head.headers.find(([key]) => key === name)?.[1];

describe('routing', () => {
  it('answers POST /RPC2 with text/xml and supervisord headers', async () => {
    const { response } = await send({ body: call('supervisor.getAPIVersion') });
    expect(response).toMatchObject({ status: 200, reason: 'OK', closeConnection: false });
    expect(response.headers).toEqual([
      ['Server', 'Medusa/1.12'],
      ['Date', 'Sat, 21 Nov 2026 01:57:39 GMT'],
      ['Content-Type', 'text/xml'],
      ['Content-Length', String(Buffer.byteLength(response.body))],
    ]);
    expect(response.body).toContain('<value><string>3.0</string></value>');
  });

  it.each<[string, FakeRequest, number]>([
    ['GET /RPC2', { method: 'GET', target: '/RPC2' }, 400],
    ['POST without Content-Length', {}, 411],
    ['bad XML', { body: '<x' }, 400],
    ['no methodName', { body: '<methodCall/>' }, 400],
    [
      'POST /RPC2/anything',
      {
        target: '/RPC2/x',
        body: call(
          'test.add',
          '<param><value><int>1</int></value></param><param><value><int>1</int></value></param>',
        ),
      },
      200,
    ],
    ['GET /ok.html', { method: 'GET', target: '/ok.html' }, 200],
    ['POST //ok.html', { target: '//ok.html' }, 200],
    ['PUT /ok.html', { method: 'PUT', target: '/ok.html' }, 404],
    ['GET /', { method: 'GET', target: '/' }, 404],
    ['GET /logtail/x without a log source', { method: 'GET', target: '/logtail/x' }, 404],
    ['GET /mainlogtail without a log source', { method: 'GET', target: '/mainlogtail' }, 404],
    ['POST /logtail/x', { target: '/logtail/x' }, 400],
  ])('%s → %d', async (_label, request, status) => {
    const { response } = await send(request);
    expect(response.status).toBe(status);
  });

  it('reads and drops the body of a request it refuses, then answers', async () => {
    const { fake, response } = await send({ method: 'GET', target: '/RPC2', body: 'ignored' });
    expect(response.status).toBe(400);
    expect(fake.bodyReads()).toBe(1);
  });

  it('answers 500 for a crash, and logs it', async () => {
    const { response } = await send({ body: call('test.crash') });
    expect(response.status).toBe(500);
    expect(response.body).toContain('<p>Error code 500.\r\n<p>Message: Internal Server Error.');
    expect(
      logs.some((line) => line.startsWith('critical: Handling XML-RPC request test.crash()')),
    ).toBe(true);
  });

  it('answers a fault with HTTP 200', async () => {
    const { response } = await send({
      body: call('test.badName', '<param><value>zz</value></param>'),
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<value><string>BAD_NAME: zz</string></value>');
  });

  it('gives up silently when the client hangs up while sending the body', async () => {
    const fake = fakeExchange({ body: call('test.add'), abortBody: true });
    service().handle(fake.exchange);
    const outcome = await Promise.race([
      fake.answered,
      new Promise((r) => setTimeout(() => r('none'), 50)),
    ]);
    expect(outcome).toBe('none');
  });
});

describe('pages', () => {
  const pages: HttpServiceOptions['pages'] = {
    match: ({ target }) =>
      target === '/page' || target === '/ok.html' || target.startsWith('/RPC2')
        ? (exchange) => {
            exchange.respond(okResponse(NOW, 'text/plain', 'page'));
            return Promise.resolve();
          }
        : null,
  };

  it("serves what the pages match, after supervisord's own paths", async () => {
    expect((await send({ method: 'GET', target: '/page' }, { pages })).response.body).toBe('page');
    expect((await send({ method: 'GET', target: '/ok.html' }, { pages })).response.body).toBe('OK');
    expect((await send({ method: 'GET', target: '/RPC2' }, { pages })).response.status).toBe(400);
    expect((await send({ method: 'GET', target: '/other' }, { pages })).response.status).toBe(404);
  });

  it('asks for credentials before any page', async () => {
    const { response } = await send(
      { method: 'GET', target: '/page' },
      { pages, auth: { username: 'u', password: 'p' } },
    );
    expect(response.status).toBe(401);
  });
});

describe('big answers', () => {
  /** An echo of `count` structs: about 120 bytes each once encoded, unicode and escapes included. */
  const bigEcho = (count: number) => {
    const value = Array.from({ length: count }, (_, i) => ({
      name: `p${String(i)} & <é🎉>`,
      pid: i,
    }));
    const body = encodeMethodCall('test.echo', [value]);
    const expected = encodeMethodResponse(value);
    if (!body.ok || !expected.ok) {
      throw new Error('unencodable test value');
    }
    return { request: { body: body.text }, expected: expected.text };
  };

  it('streams an answer over 64 KiB in chunks, with the Content-Length of the whole', async () => {
    const { request, expected } = bigEcho(2000);
    const fake = fakeExchange(request);
    service().handle(fake.exchange);
    const head = await fake.answered;
    expect(head).toMatchObject({ status: 200, reason: 'OK', closeConnection: false });
    expect('body' in head).toBe(false);
    expect(head.headers).toEqual([
      ['Server', 'Medusa/1.12'],
      ['Date', 'Sat, 21 Nov 2026 01:57:39 GMT'],
      ['Content-Type', 'text/xml'],
      ['Content-Length', String(Buffer.byteLength(expected))],
    ]);
    await expect.poll(() => fake.streamEnded()).toBe(true);
    expect(fake.chunks.length).toBeGreaterThan(4);
    expect(fake.chunks.join('')).toBe(expected);
  });

  it('answers a smaller one whole', async () => {
    const { request, expected } = bigEcho(100);
    const { response } = await send(request);
    expect(response.body).toBe(expected);
    expect(header(response, 'Content-Length')).toBe(String(Buffer.byteLength(expected)));
  });

  it('encodes no further than a slow client has taken, and stops when it hangs up', async () => {
    const { request } = bigEcho(2000);
    const fake = fakeExchange(request);
    fake.setSlow(true);
    service().handle(fake.exchange);
    await fake.answered;
    await expect.poll(() => fake.chunks.length).toBe(1);
    fake.drain();
    await expect.poll(() => fake.chunks.length).toBe(2);
    fake.disconnect();
    fake.drain();
    await expect.poll(() => fake.streamEnded()).toBe(true);
    expect(fake.chunks).toHaveLength(2);
  });
});

describe('body limits', () => {
  it('refuses an announced oversized body without reading it, and closes', async () => {
    const { fake, response } = await send({ body: 'x'.repeat(100) }, { maxBodyBytes: 10 });
    expect(response).toMatchObject({
      status: 413,
      reason: 'Request Entity Too Large',
      closeConnection: true,
    });
    expect(fake.bodyReads()).toBe(0);
  });

  it('refuses a body that turns out bigger than announced', async () => {
    const { response } = await send(
      { body: 'x'.repeat(100), headers: { 'content-length': '5' } },
      { maxBodyBytes: 10 },
    );
    expect(response.status).toBe(413);
  });
});

describe('authentication', () => {
  const auth = { username: 'user', password: 'pass' };
  const basic = (credentials: string) => ({
    authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
  });

  it.each(['/RPC2', '/ok.html', '/logtail/x', '/mainlogtail', '/anything'])(
    'guards %s with 401 and supervisord headers',
    async (target) => {
      const { response } = await send({ method: 'GET', target }, { auth });
      expect(response).toMatchObject({
        status: 401,
        reason: 'Unauthorized',
        closeConnection: true,
      });
      expect(response.headers.map(([name]) => name)).toEqual([
        'Server',
        'Date',
        'Connection',
        'WWW-Authenticate',
        'Content-Length',
        'Content-Type',
      ]);
      expect(header(response, 'WWW-Authenticate')).toBe('Basic realm="default"');
      expect(header(response, 'Connection')).toBe('close');
    },
  );

  it('serves with the right credentials, and answers 400 to undecodable ones', async () => {
    const ok = await send(
      { body: call('supervisor.getAPIVersion'), headers: basic('user:pass') },
      { auth },
    );
    expect(ok.response.status).toBe(200);
    const wrong = await send(
      { body: call('supervisor.getAPIVersion'), headers: basic('user:nope') },
      { auth },
    );
    expect(wrong.response.status).toBe(401);
    const bad = await send(
      {
        method: 'GET',
        target: '/ok.html',
        headers: { authorization: `Basic ${Buffer.from([0x61, 0x3a, 0xff]).toString('base64')}` },
      },
      { auth },
    );
    expect(bad.response.status).toBe(400);
  });

  it('vouches for a connection only when its credentials are accepted', async () => {
    const verdicts = await Promise.all(
      [
        basic('user:pass'),
        basic('user:nope'),
        {},
        { authorization: `Basic ${Buffer.from([0x61, 0x3a, 0xff]).toString('base64')}` },
      ].map(async (headers) => {
        const { fake, response } = await send(
          { method: 'GET', target: '/ok.html', headers },
          {
            auth,
          },
        );
        return [response.status, fake.trusted()];
      }),
    );
    expect(verdicts).toEqual([
      [200, true],
      [401, false],
      [401, false],
      [400, false],
    ]);
  });

  it('vouches for every connection to a listener without credentials, even for a 404', async () => {
    const { fake, response } = await send({ method: 'GET', target: '/nowhere' });
    expect(response.status).toBe(404);
    expect(fake.trusted()).toBe(true);
  });
});

describe('protocol errors', () => {
  it.each([
    ['bad-request', 400],
    ['request-timeout', 408],
    ['headers-too-large', 431],
  ] as const)('%s → %d, closing', (problem, status) => {
    expect(service().protocolError(problem)).toMatchObject({ status, closeConnection: true });
  });
});

describe('log tails', () => {
  const source = (chunks: string[]): LogTailSource & { opened: string[] } => {
    const opened: string[] = [];
    const tail = {
      modifiedMs: NOW - 1000,
      follow: async function* (signal: AbortSignal) {
        for (const chunk of chunks) {
          if (signal.aborted) {
            return;
          }
          await Promise.resolve();
          yield chunk;
        }
      },
    };
    return {
      opened,
      openProcessLog: (namespec, channel) => {
        opened.push(`${namespec} ${channel}`);
        return Promise.resolve(namespec === 'missing' ? null : tail);
      },
      openMainLog: () => {
        opened.push('main');
        return Promise.resolve(tail);
      },
    };
  };

  it.each([
    ['/logtail/web', 'web stdout'],
    ['/logtail/web/stderr', 'web stderr'],
    ['/logtail/group%3Aweb_0/stdout?x=1', 'group:web_0 stdout'],
    ['/logtail/a%2Fstderr', 'a stderr'],
  ])('opens %s as %s and streams it', async (target, opened) => {
    const logTail = source(['one\n', 'two\n']);
    const fake = fakeExchange({ method: 'GET', target });
    service({ logTail }).handle(fake.exchange);
    const head = await fake.answered;
    expect(head.status).toBe(200);
    expect(head.headers).toEqual([
      ['Server', 'Medusa/1.12'],
      ['Date', 'Sat, 21 Nov 2026 01:57:39 GMT'],
      ['Last-Modified', 'Sat, 21 Nov 2026 01:57:38 GMT'],
      ['Content-Type', 'text/plain;charset=utf-8'],
      ['X-Accel-Buffering', 'no'],
    ]);
    await expect.poll(() => fake.streamEnded()).toBe(true);
    expect(fake.chunks).toEqual(['one\n', 'two\n']);
    expect(logTail.opened).toEqual([opened]);
  });

  it.each([
    '/logtail/',
    '/logtail',
    '/logtail/web/stdin',
    '/logtail/web/stderr/more',
    '/logtail/missing',
  ])('%s → 404', async (target) => {
    const { response } = await send({ method: 'GET', target }, { logTail: source([]) });
    expect(response.status).toBe(404);
  });

  it('streams the main log without X-Accel-Buffering', async () => {
    const fake = fakeExchange({ method: 'GET', target: '/mainlogtail' });
    service({ logTail: source(['main\n']) }).handle(fake.exchange);
    const head = await fake.answered;
    expect(header(head, 'X-Accel-Buffering')).toBeUndefined();
    await expect.poll(() => fake.chunks).toEqual(['main\n']);
  });

  it('waits for a slow client to drain, and stops when it hangs up', async () => {
    const fake = fakeExchange({ method: 'GET', target: '/logtail/web' });
    fake.setSlow(true);
    service({ logTail: source(['a', 'b', 'c']) }).handle(fake.exchange);
    await fake.answered;
    await expect.poll(() => fake.chunks).toEqual(['a']);
    fake.drain();
    await expect.poll(() => fake.chunks).toEqual(['a', 'b']);
    fake.disconnect();
    fake.drain();
    await expect.poll(() => fake.streamEnded()).toBe(true);
    expect(fake.chunks).toEqual(['a', 'b']);
  });
});
