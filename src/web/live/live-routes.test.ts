import { describe, expect, it } from 'vitest';

import { fakeExchange, type FakeRequest } from '../../../test/fakes/fake-http-exchange.js';
import type { HttpResponse, HttpResponseHead } from '../../ports/http-transport.js';
import type { CallMethod } from '../../rpc/dispatch.js';
import { encodeMethodCall } from '../../protocol/xmlrpc/xmlrpc-encode.js';
import { createLiveUiRoutes } from './live-routes.js';

const header = (head: HttpResponseHead, name: string): string | undefined =>
  head.headers.find(([key]) => key === name)?.[1];

const setup = (script: string | null = 'console.log(1)') => {
  const calls: string[] = [];
  const call: CallMethod = (methodName) => {
    calls.push(methodName);
    return Promise.resolve({ kind: 'value', value: 'ok' });
  };
  const match = createLiveUiRoutes({
    script,
    call,
    logger: { log: () => undefined, isEnabled: () => false },
    nowMs: () => 0,
    maxBodyBytes: 10_000,
  });
  const send = async (request: FakeRequest): Promise<HttpResponse | null> => {
    const fake = fakeExchange({ method: 'GET', ...request });
    const target = fake.exchange.request.target;
    const [path = '', query = ''] = target.split('?');
    const handler = match(fake.exchange.request, path.replace(/^\/+/, ''), query);
    if (handler === null) {
      return null;
    }
    await handler(fake.exchange);
    return (await fake.answered) as HttpResponse;
  };
  const post = (headers: Record<string, string>): Promise<HttpResponse | null> =>
    send({ method: 'POST', target: '/ui/RPC2', headers, body: CALL });
  return { send, post, calls };
};

const CALL = (() => {
  const encoded = encodeMethodCall('supervisor.stopProcess', ['web']);
  if (!encoded.ok) {
    throw new Error(encoded.message);
  }
  return encoded.text;
})();

describe('the live UI routes', () => {
  it('redirect /ui to /ui/ and serve the page there under its strict CSP', async () => {
    const { send } = setup();
    const redirect = await send({ target: '/ui' });
    expect(redirect?.status).toBe(301);
    expect(header(redirect!, 'Location')).toBe('ui/');
    const page = await send({ target: '/ui/' });
    expect(page?.status).toBe(200);
    expect(header(page!, 'Content-Security-Policy')).toContain("script-src 'self'");
    expect(header(page!, 'Content-Security-Policy')).not.toContain('unsafe-inline');
    expect(header(page!, 'Cache-Control')).toBe('no-cache');
    expect(String(page?.body)).toMatch(/<script type="module" src="live-ui\.js\?v=[0-9a-f]{16}">/);
  });

  it('serve the script and stylesheet for good by their versioned links, 304 when unchanged', async () => {
    const { send } = setup();
    const page = String((await send({ target: '/ui/index.html' }))?.body);
    const href = /src="(live-ui\.js\?v=[0-9a-f]+)"/.exec(page)?.[1];
    const script = await send({ target: `/ui/${href ?? ''}` });
    expect(script?.body).toBe('console.log(1)');
    expect(header(script!, 'Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(header(script!, 'Cache-Control')).toBe('max-age=31536000, immutable');
    const etag = header(script!, 'ETag') ?? '';
    const again = await send({ target: '/ui/live-ui.js', headers: { 'if-none-match': etag } });
    expect(again?.status).toBe(304);
    expect((await send({ target: '/ui/live-ui.css' }))?.status).toBe(200);
  });

  it('has no script to serve when the daemon was built without it', async () => {
    const { send } = setup(null);
    expect(await send({ target: '/ui/live-ui.js' })).toBeNull();
    expect(String((await send({ target: '/ui/' }))?.body)).toContain('npm run build');
  });

  it("runs a call from the UI's own page", async () => {
    const { post, calls } = setup();
    const answer = await post({ 'x-tssupervisor-ui': '1', 'sec-fetch-site': 'same-origin' });
    expect(answer?.status).toBe(200);
    expect(calls).toEqual(['supervisor.stopProcess']);
  });

  it('refuses a cross-site form post, and a call without the header, before calling anything', async () => {
    const { post, calls } = setup();
    const form = await post({ 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' });
    expect(form?.status).toBe(403);
    expect(String(form?.body)).toContain('X-Tssupervisor-UI');
    const crossSite = await post({ 'x-tssupervisor-ui': '1', 'sec-fetch-site': 'cross-site' });
    expect(crossSite?.status).toBe(403);
    expect(calls).toEqual([]);
  });
});
