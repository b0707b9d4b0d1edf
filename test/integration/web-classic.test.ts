// supervisord's classic web pages on a real daemon, over TCP (with basic auth) and the unix
// socket: the status table lists the processes, each action does what it says and redirects as
// supervisord does (a slow stop answers once the process has stopped), a cross-site action is
// refused and changes nothing, names and log lines with `<script>` render as text.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { killDaemon, PROGRAMS } from '../helpers/daemon-harness.js';
import {
  basicAuth,
  fetchPage,
  inetHttpServerSection,
  type PageServer,
  WEB_LOGIN,
} from '../helpers/http-page.js';
import { freePort } from '../helpers/ports.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  startSupervisor,
  stdoutOf,
  struct,
  waitForState,
  type SupervisorUnderTest,
} from './rpc-supervisor-harness.js';

const SCRIPT_NAME = '<script>alert(1)<\\script>';
const AUTH = basicAuth(WEB_LOGIN.username, WEB_LOGIN.password);

const programs = (port: number): string => `
${inetHttpServerSection(port)}
[program:sleeper]
command=sleep 1000
startsecs=0

[program:stubborn]
command=${process.execPath} ${PROGRAMS}/ignore-sigterm.mjs
startsecs=0
stopwaitsecs=1

[group:pool]
programs=stubborn

[program:printer]
command=sh %(here)s/printer.sh
startsecs=0

[program:${SCRIPT_NAME}]
command=sleep 1000
autostart=false
`;

let sut: SupervisorUnderTest | undefined;
let tcp: PageServer;
let unix: PageServer;

beforeEach(async () => {
  const port = await freePort();
  sut = await startSupervisor(programs(port), {
    files: { 'printer.sh': 'echo "<script>alert(1)</script> & more"\nexec sleep 1000\n' },
  });
  tcp = { port };
  unix = { socketPath: sut.daemon.dir.join('supervisor.sock') };
  for (const name of ['sleeper', 'pool:stubborn', 'printer']) {
    await waitForState(sut.rpc, name, 'RUNNING');
  }
});

afterEach(async () => {
  sut?.close();
  await killDaemon(sut?.daemon);
  sut = undefined;
});

const stateOf = async (name: string): Promise<unknown> =>
  struct(await sut!.rpc.call('supervisor.getProcessInfo', [name]))['statename'];

const pidOf = async (name: string): Promise<unknown> =>
  struct(await sut!.rpc.call('supervisor.getProcessInfo', [name]))['pid'];

describe.each([
  [
    'TCP, with basic auth',
    () => tcp,
    AUTH,
    () => `http://127.0.0.1:${String((tcp as { port: number }).port)}`,
  ],
  ['the unix socket', () => unix, {}, () => 'http://localhost'],
])('the classic pages over %s', (_label, server, auth, origin) => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetchPage(server(), path, { headers: { ...auth, ...headers } });

  it('list every process with its state and actions, under a strict CSP', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html;charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['cache-control']).toBe('no-store');
    for (const name of ['sleeper', 'pool:stubborn', 'printer']) {
      expect(page.body).toContain(`>${name}</a>`);
    }
    expect(page.body).toContain(
      '<a href="index.html?processname=pool%3Astubborn&amp;action=stop" name="Stop">Stop</a>',
    );
    expect((await get('/index.html')).body).toContain('>pool:stubborn</a>');
  });

  it("stop, start, restart and clear a log, each redirecting with supervisord's message", async () => {
    const act = async (query: string, message: string) => {
      const answer = await get(`/index.html?${query}`);
      expect(answer.status).toBe(301);
      expect(answer.headers['location']).toBe(`${origin()}/?message=${message}`);
    };
    await act('processname=sleeper&action=stop', 'Process%20sleeper%20stopped');
    expect(await stateOf('sleeper')).toBe('STOPPED');
    await act('processname=sleeper&action=start', 'Process%20sleeper%20started');
    expect(await stateOf('sleeper')).toBe('RUNNING');
    const before = await pidOf('sleeper');
    await act('processname=sleeper&action=restart', 'Process%20sleeper%20restarted');
    expect(await stateOf('sleeper')).toBe('RUNNING');
    expect(await pidOf('sleeper')).not.toBe(before);
    await act(
      'processname=sleeper&action=start',
      'ERROR%3A%20Process%20sleeper%3A%20already%20started',
    );
    await act('processname=nope&action=stop', 'No%20such%20process%20named%20nope');
    expect(await stdoutOf(sut!.rpc, 'printer')).toContain('<script>');
    await act('processname=printer&action=clearlog', 'Log%20for%20printer%20cleared');
    expect(await stdoutOf(sut!.rpc, 'printer')).toBe('');
  });

  it('stop all and restart all', async () => {
    const stopped = await get('/?action=stopall');
    expect(stopped.status).toBe(301);
    expect(stopped.headers['location']).toMatch(
      new RegExp(`^${origin()}/\\?message=All%20stopped%20at%20\\w{3}%20\\w{3}%20`),
    );
    for (const name of ['sleeper', 'pool:stubborn', 'printer']) {
      expect(await stateOf(name)).toBe('STOPPED');
    }
    const restarted = await get('/?action=restartall');
    expect(restarted.headers['location']).toMatch(/\?message=All%20restarted%20at%20/);
    for (const name of ['sleeper', 'pool:stubborn', 'printer']) {
      expect(await stateOf(name)).toBe('RUNNING');
    }
  });

  it('refuse a cross-site action, changing nothing, and take the confirmation', async () => {
    for (const headers of [
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'http://evil.example' },
      { Referer: 'http://evil.example/page.html' },
    ]) {
      const refused = await get('/index.html?processname=sleeper&action=stop', headers);
      expect(refused.status).toBe(403);
      expect(refused.body).toContain('<button type="submit">Stop sleeper</button>');
    }
    expect((await get('/?action=stopall', { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect(await stateOf('sleeper')).toBe('RUNNING');
    expect(await stateOf('printer')).toBe('RUNNING');
    const confirmed = await fetchPage(server(), '/index.html', {
      method: 'POST',
      headers: {
        ...auth,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'processname=sleeper&action=stop',
    });
    expect(confirmed.status).toBe(301);
    expect(confirmed.headers['location']).toBe(`${origin()}/?message=Process%20sleeper%20stopped`);
    expect(await stateOf('sleeper')).toBe('STOPPED');
  });

  it('render a name and a log line holding <script> as text', async () => {
    const page = await get('/');
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('>&lt;script&gt;alert(1)&lt;\\script&gt;</a>');
    const tail = await get('/tail.html?processname=printer');
    expect(tail.status).toBe(200);
    expect(tail.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(tail.body).not.toContain('<script>');
  });

  it('serve the stylesheet and pictures the page links, cached by version', async () => {
    const page = await get('/');
    const links = [...page.body.matchAll(/(?:href|src)="((?:stylesheets|images)\/[^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(links).toHaveLength(3);
    for (const link of links) {
      const asset = await get(`/${link.replace(/&amp;/g, '&')}`);
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toBe('max-age=31536000, immutable');
      const again = await get(`/${link}`, { 'If-None-Match': asset.headers['etag']! });
      expect(again.status).toBe(304);
    }
  });
});

describe('the classic pages', () => {
  it('ask for credentials on every page, action and file when the server has a user', async () => {
    for (const path of [
      '/',
      '/index.html?processname=sleeper&action=stop',
      '/?action=stopall',
      '/tail.html?processname=printer',
      '/stylesheets/supervisor.css',
    ]) {
      const answer = await fetchPage(tcp, path);
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Basic realm="default"');
      const wrong = await fetchPage(tcp, path, { headers: basicAuth('admin', 'wrong') });
      expect(wrong.status).toBe(401);
    }
    expect(await stateOf('sleeper')).toBe('RUNNING');
    expect(await stateOf('printer')).toBe('RUNNING');
  });

  it('hold the answer to a slow stop until the process has stopped, showing it stopping meanwhile', async () => {
    // Once it has said so, it ignores SIGTERM (before that, node would die of it).
    await waitFor(async () => (await stdoutOf(sut!.rpc, 'pool:stubborn')).includes('started'), {
      what: 'stubborn to be listening for SIGTERM',
    });
    const started = Date.now();
    const answer = fetchPage(unix, '/index.html?processname=pool:stubborn&action=stop');
    await waitFor(
      async () =>
        (await fetchPage(unix, '/')).body.includes('<span class="statusnominal">stopping</span>'),
      {
        what: 'the page to show stubborn stopping',
      },
    );
    const stop = await answer;
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(stop.status).toBe(301);
    expect(stop.headers['location']).toBe(
      'http://localhost/?message=Process%20pool%3Astubborn%20stopped',
    );
    expect(await stateOf('pool:stubborn')).toBe('STOPPED');
  });

  it('answer a malformed action with 400, not 500', async () => {
    const answer = await fetchPage(unix, '/?action=explode');
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('ERROR: unknown action');
  });
});
