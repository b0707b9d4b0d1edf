import { describe, expect, it } from 'vitest';

import { fakeExchange, type FakeRequest } from '../../test/fakes/fake-http-exchange.js';
import { fakeRpcClient, fault, ok, type FakeAnswer } from '../../test/fakes/fake-rpc-client.js';
import { processInfo, SAMPLE_PROCESSES } from '../../test/fakes/supervisor-answers.js';
import type { HttpResponse, HttpResponseHead } from '../ports/http-transport.js';
import { supervisorApi } from '../protocol/supervisor-api.js';
import { STYLESHEET_ASSET } from './static/assets.js';
import { createWebRoutes } from './web-routes.js';

const NOW = new Date(2026, 11, 5, 8, 1, 33).getTime();

const header = (head: HttpResponseHead, name: string): string | undefined =>
  head.headers.find(([key]) => key === name)?.[1];

const setup = (answers: Record<string, FakeAnswer> = {}) => {
  const rpc = fakeRpcClient({
    getAllProcessInfo: ok([...SAMPLE_PROCESSES]),
    getProcessInfo: ok(processInfo('worker', 'STOPPED')),
    startProcess: ok(true),
    stopProcess: ok(true),
    readProcessStdoutLog: ok('<b>log</b>\n'),
    ...answers,
  });
  const signals: AbortSignal[] = [];
  const routes = createWebRoutes({
    api: (signal) => {
      signals.push(signal);
      return supervisorApi(rpc.client);
    },
    nowMs: () => NOW,
    maxBodyBytes: 100,
  });
  const send = async (request: FakeRequest) => {
    const fake = fakeExchange({ method: 'GET', ...request });
    const handler = routes.match(fake.exchange.request);
    if (handler === null) {
      return null;
    }
    await handler(fake.exchange);
    return (await fake.answered) as HttpResponse;
  };
  return { rpc, routes, send, signals };
};

describe('web routes', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/index.html'],
    ['POST', '//index.html'],
    ['GET', '/tail.html?processname=x'],
    ['GET', `/stylesheets/supervisor.css?v=${STYLESHEET_ASSET.tag}`],
    ['HEAD', '/images/logo.svg'],
  ])('serve %s %s', (method, target) => {
    expect(
      setup().routes.match({ method, target, httpVersion: '1.1', headers: {} }),
    ).not.toBeNull();
  });

  it.each([
    ['HEAD', '/'],
    ['PUT', '/index.html'],
    ['POST', '/images/logo.svg'],
    ['GET', '/status.html'],
    ['GET', '/index.htm'],
    ['GET', '/index.html/x'],
  ])('leave %s %s to the service (404)', (method, target) => {
    expect(setup().routes.match({ method, target, httpVersion: '1.1', headers: {} })).toBeNull();
  });

  it('show the status page, uncached, with the security headers', async () => {
    const { send } = setup();
    const response = await send({ target: '/?message=All%20stopped' });
    expect(response?.status).toBe(200);
    expect(header(response!, 'Content-Type')).toBe('text/html;charset=utf-8');
    expect(header(response!, 'Cache-Control')).toBe('no-store');
    expect(header(response!, 'Content-Security-Policy')).toContain("default-src 'none'");
    expect(header(response!, 'X-Frame-Options')).toBe('DENY');
    expect(response?.body).toContain('All stopped');
    expect(response?.body).toContain('web:web_1');
  });

  it('show the list failure in the banner', async () => {
    const { send } = setup({ getAllProcessInfo: fault('SHUTDOWN_STATE') });
    const response = await send({ target: '/' });
    expect(response?.status).toBe(200);
    expect(response?.body).toContain('ERROR: unexpected rpc fault [6] SHUTDOWN_STATE');
  });

  it('do an action, then redirect to the status page with the message, uncached', async () => {
    const { send, rpc, signals } = setup();
    const response = await send({
      target: '/index.html?processname=worker&action=start',
      headers: { host: '127.0.0.1:9001' },
    });
    expect(response?.status).toBe(301);
    expect(response?.reason).toBe('Moved Permanently');
    expect(header(response!, 'Location')).toBe(
      'http://127.0.0.1:9001/?message=Process%20worker%20started',
    );
    expect(header(response!, 'Cache-Control')).toBe('no-store');
    expect(rpc.methods()).toEqual(['getProcessInfo', 'startProcess']);
    expect(signals).toHaveLength(1);
  });

  it('take the action from a POSTed form', async () => {
    const { send, rpc } = setup();
    const response = await send({
      method: 'POST',
      target: '/index.html',
      headers: { host: 'h' },
      body: 'processname=worker&action=stop',
    });
    expect(header(response!, 'Location')).toBe('http://h/?message=Process%20worker%20stopped');
    expect(rpc.methods()).toContain('stopProcess');
  });

  it('refuse an action from another site, doing nothing, and offer to confirm', async () => {
    const { send, rpc } = setup();
    const response = await send({
      target: '/index.html?processname=worker&action=stop',
      headers: { host: 'h', 'sec-fetch-site': 'cross-site' },
    });
    expect(response?.status).toBe(403);
    expect(response?.body).toContain('<button type="submit">Stop worker</button>');
    expect(rpc.methods()).toEqual([]);
  });

  it('let another site refresh (it changes nothing)', async () => {
    const { send } = setup();
    const response = await send({
      target: '/?action=refresh',
      headers: { host: 'h', 'sec-fetch-site': 'cross-site' },
    });
    expect(response?.status).toBe(301);
    expect(header(response!, 'Location')).toBe(
      'http://h/?message=Page%20refreshed%20at%20Sat%20Dec%20%205%2008%3A01%3A33%202026',
    );
  });

  it('answer a malformed action with 400 and the page', async () => {
    const { send, rpc } = setup();
    const response = await send({ target: '/?action=explode' });
    expect(response?.status).toBe(400);
    expect(response?.body).toContain('ERROR: unknown action &quot;explode&quot;');
    expect(rpc.methods()).toEqual(['getAllProcessInfo']);
  });

  it('refuse a form too large to read', async () => {
    const { send } = setup();
    const response = await send({ method: 'POST', target: '/', body: 'x'.repeat(101) });
    expect(response?.status).toBe(413);
    expect(response?.closeConnection).toBe(true);
  });

  it('do not answer a client that went away while the action waited', async () => {
    let release: () => void = () => undefined;
    const { routes } = setup({
      stopProcess: { later: new Promise((resolve) => (release = () => resolve(ok(true)))) },
    });
    const fake = fakeExchange({ method: 'GET', target: '/?processname=worker&action=stop' });
    const done = routes.match(fake.exchange.request)!(fake.exchange);
    await new Promise((resolve) => setImmediate(resolve));
    fake.disconnect();
    release();
    await done;
    const answered = await Promise.race([fake.answered, Promise.resolve('nothing')]);
    expect(answered).toBe('nothing');
  });

  it('show the tail page', async () => {
    const { send, rpc } = setup();
    const response = await send({ target: '/tail.html?processname=worker&limit=4096' });
    expect(response?.status).toBe(200);
    expect(response?.body).toContain('<pre class="tail">&lt;b&gt;log&lt;/b&gt;\n</pre>');
    expect(rpc.calls).toEqual([
      { method: 'supervisor.readProcessStdoutLog', params: ['worker', -4096, 0] },
    ]);
  });

  it('serve the stylesheet, and 304 when the browser has it', async () => {
    const { send } = setup();
    const response = await send({ target: '/stylesheets/supervisor.css' });
    expect(response?.status).toBe(200);
    expect(response?.body).toBe(STYLESHEET_ASSET.body);
    const again = await send({
      target: '/stylesheets/supervisor.css',
      headers: { 'if-none-match': header(response!, 'ETag')! },
    });
    expect(again?.status).toBe(304);
  });
});
