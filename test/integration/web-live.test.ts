// The live web UI (/ui/) in a real headless browser (chromium via puppeteer-core) against a real
// daemon over TCP with basic auth: the table lists the processes, stop/start/restart and a
// group stop change the real processes and the page follows without reloading, the log view
// shows a line the program has just written (and searches it), a cross-site form post to the
// UI's endpoint is refused, a `<script>` name is shown as text, and the page reconnects by
// itself when the daemon restarts.

import { createServer, type Server } from 'node:http';

import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { launchBrowser, openPage } from '../helpers/browser.js';
import { baseConfig, killDaemon } from '../helpers/daemon-harness.js';
import { inetHttpServerSection, WEB_LOGIN } from '../helpers/http-page.js';
import { freePort } from '../helpers/ports.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  startWithConfig,
  struct,
  waitForState,
  type SupervisorUnderTest,
} from './rpc-supervisor-harness.js';

// The functions handed to page.evaluate/waitForFunction run in the page, which has a DOM; this
// program is type-checked without one, so here is the little of it they use.
interface PageElement {
  readonly textContent: string | null;
  readonly dataset: Readonly<Record<string, string | undefined>>;
  readonly children: { readonly length: number };
  querySelector(selector: string): PageElement | null;
  hasAttribute(name: string): boolean;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
};
declare const window: Record<string, unknown>;

const SCRIPT_NAME = '<script>alert(1)<\\script>';

const config = (port: number): string =>
  baseConfig(`
${inetHttpServerSection(port)}
[program:sleeper]
command=sleep 1000
startsecs=0

[program:echoer]
command=sh -c 'while read line; do echo "echoed: $line"; done'
startsecs=0

[group:pool]
programs=worker

[program:worker]
command=sleep 1000
process_name=%(program_name)s_%(process_num)s
numprocs=2
startsecs=0

[program:${SCRIPT_NAME}]
command=sleep 1000
autostart=false
`);

let browser: Browser;
let sut: SupervisorUnderTest | undefined;
let port: number;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  port = await freePort();
  sut = await startWithConfig(config(port));
  for (const name of ['sleeper', 'echoer', 'pool:worker_0', 'pool:worker_1']) {
    await waitForState(sut.rpc, name, 'RUNNING');
  }
  page = await openPage(browser, WEB_LOGIN);
});

afterEach(async () => {
  await page.close();
  sut?.close();
  await killDaemon(sut?.daemon);
  sut = undefined;
});

const UI = (): string => `http://127.0.0.1:${port}/ui/`;

const infoOf = async (name: string) =>
  struct(await sut!.rpc.call('supervisor.getProcessInfo', [name]));

const pidOf = async (name: string): Promise<string> => {
  const pid = (await infoOf(name))['pid'];
  return typeof pid === 'number' ? String(pid) : '';
};

/** The text of every element matching `selector`, in the page. */
const textsOf = (selector: string): Promise<(string | null)[]> =>
  page.evaluate(
    (sel: string) => Array.from(document.querySelectorAll(sel), (e) => e.textContent),
    selector,
  );

/** Waits until the row of `name` shows `state` (found by the row's data, not a CSS selector). */
const rowShows = (name: string, state: string): Promise<unknown> =>
  page.waitForFunction(
    (n: string, s: string) =>
      [...document.querySelectorAll('tr[data-name]')]
        .find((row) => row.dataset['name'] === n)
        ?.querySelector('.state')?.textContent === s,
    { timeout: 10_000 },
    name,
    state,
  );

/** Clicks a button of the row of `name` by its action. */
const clickRowAction = async (name: string, action: string): Promise<void> => {
  const button = await page.evaluateHandle(
    (n: string, a: string) =>
      [...document.querySelectorAll('tr[data-name]')]
        .find((row) => row.dataset['name'] === n)
        ?.querySelector(`button[data-action="${a}"]`),
    name,
    action,
  );
  const element = button.asElement();
  expect(element, `${action} button of ${name}`).not.toBeNull();
  await (element as NonNullable<typeof element>).click();
};

const confirmDialog = async (): Promise<string> => {
  await page.waitForSelector('dialog.confirm-dialog[open]');
  const [question = ''] = await textsOf('dialog .question');
  await page.click('dialog .confirm');
  return question ?? '';
};

/** A value set on the window: still there later means the page was never reloaded. */
const markPage = (): Promise<void> =>
  page.evaluate(() => {
    window['marker'] = 'same page';
  });
const stillSamePage = (): Promise<string | undefined> =>
  page.evaluate(() => window['marker'] as string | undefined);

const openUi = async (): Promise<void> => {
  await page.goto(UI());
  await page.waitForSelector('.connection[data-state="live"]');
  await page.waitForSelector('tr[data-name="sleeper"]');
};

describe('the live UI', () => {
  it('lists every process with its state and pid, a <script> name as plain text', async () => {
    const response = await page.goto(UI());
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await rowShows('sleeper', 'RUNNING');
    await rowShows(SCRIPT_NAME, 'STOPPED');
    const names = await textsOf('tr[data-name] th a');
    const states = await textsOf('tr[data-name] .state');
    const rows = names.map((name, i) => [name, states[i]]);
    expect(rows).toEqual([
      [SCRIPT_NAME, 'STOPPED'],
      ['echoer', 'RUNNING'],
      ['pool:worker_0', 'RUNNING'],
      ['pool:worker_1', 'RUNNING'],
      ['sleeper', 'RUNNING'],
    ]);
    expect(await textsOf('tr[data-name="sleeper"] td[data-label="PID"]')).toEqual([
      await pidOf('sleeper'),
    ]);
    // The name went in as text: no element was made of it, and the page has its one script.
    expect(await textsOf('script')).toHaveLength(1);
    expect(await textsOf('tbody th a *')).toEqual([]);
  });

  it('stops, starts and restarts a real process, the table following without a reload', async () => {
    await openUi();
    await markPage();
    await clickRowAction('sleeper', 'stop');
    expect(await confirmDialog()).toBe('Stop sleeper?');
    await waitForState(sut!.rpc, 'sleeper', 'STOPPED');
    await rowShows('sleeper', 'STOPPED');

    await clickRowAction('sleeper', 'start');
    await waitForState(sut!.rpc, 'sleeper', 'RUNNING');
    await rowShows('sleeper', 'RUNNING');
    const before = await pidOf('sleeper');

    await clickRowAction('sleeper', 'restart');
    expect(await confirmDialog()).toBe('Restart sleeper?');
    // Running again under a new pid (not the 0 of the moment it was stopped in between).
    await waitFor(
      async () => {
        const running = (await infoOf('sleeper'))['statename'] === 'RUNNING';
        return running && (await pidOf('sleeper')) !== before;
      },
      { what: 'sleeper to run again with a new pid' },
    );
    const after = await pidOf('sleeper');
    await page.waitForFunction(
      (pid: string) =>
        document.querySelector('tr[data-name="sleeper"] td[data-label="PID"]')?.textContent === pid,
      {},
      after,
    );
    // A process another client stops shows up too: pushed by the long-poll.
    await sut!.rpc.call('supervisor.stopProcess', ['echoer']);
    await rowShows('echoer', 'STOPPED');
    expect(await stillSamePage()).toBe('same page');
  });

  it('asks first, and does nothing when the question is cancelled', async () => {
    await openUi();
    await clickRowAction('sleeper', 'stop');
    await page.waitForSelector('dialog.confirm-dialog[open]');
    await page.click('dialog .cancel');
    await page.waitForSelector('.messages:empty');
    expect((await infoOf('sleeper'))['statename']).toBe('RUNNING');
  });

  it('stops a group, picked in the group filter', async () => {
    await openUi();
    await page.select('select.group-picker', 'pool');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2);
    await page.click('.bulk-actions button[data-action="stop"]');
    expect(await confirmDialog()).toBe('Stop every process of group pool?');
    await waitForState(sut!.rpc, 'pool:worker_0', 'STOPPED');
    await waitForState(sut!.rpc, 'pool:worker_1', 'STOPPED');
    await rowShows('pool:worker_1', 'STOPPED');
    expect((await infoOf('sleeper'))['statename']).toBe('RUNNING');
    await page.waitForFunction(() =>
      document.querySelector('.messages')?.textContent?.includes('pool:worker_1: stopped'),
    );
  });

  it("follows a process's log: a line it has just written appears, and search narrows it", async () => {
    await openUi();
    await page.click('tr[data-name="echoer"] th a');
    await page.waitForSelector('.process-detail .log-lines');
    const token = `line-${Date.now()}`;
    // The view is open before the line is written: it must arrive by the live stream.
    await page.waitForFunction(() =>
      document.querySelector('.log-problem')?.hasAttribute('hidden'),
    );
    await sut!.rpc.call('supervisor.sendProcessStdin', ['echoer', `${token} <b>bold</b>\nother\n`]);
    await page.waitForFunction(
      (t: string) =>
        [...document.querySelectorAll('.log-line')].some(
          (line) => line.textContent === `echoed: ${t} <b>bold</b>`,
        ),
      { timeout: 10_000 },
      token,
    );
    expect(await textsOf('.log-line b')).toEqual([]);
    await page.type('.log-search', 'BOLD');
    await page.waitForFunction(
      () => document.querySelector('.log-line mark')?.textContent === 'bold',
    );
    expect(await textsOf('.log-line')).toEqual([`echoed: ${token} <b>bold</b>`]);
  });

  it("shows the daemon's main log", async () => {
    await openUi();
    await page.click('nav a[href="#/log"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.log-line')].some((l) => l.textContent?.includes('spawned:')),
    );
  });

  it('refuses a cross-site form post to its endpoint: nothing is stopped', async () => {
    const call =
      '<methodCall><methodName>supervisor.stopProcess</methodName><params><param><value><string>sleeper</string></value></param></params></methodCall>';
    const attacker = await servePage(
      `<!DOCTYPE html><form method="POST" action="http://127.0.0.1:${port}/ui/RPC2" enctype="text/plain">` +
        `<input type="hidden" name="<?xml version" value='"1.0"?>${call}'>` +
        '<button id="go">win a prize</button></form>',
    );
    try {
      await page.goto(`http://127.0.0.1:${attacker.port}/`);
      const [response] = await Promise.all([page.waitForNavigation(), page.click('#go')]);
      expect(response?.status()).toBe(403);
      expect(await page.content()).toContain('Refused');
      expect((await infoOf('sleeper'))['statename']).toBe('RUNNING');
    } finally {
      await attacker.close();
    }
  });

  it('reconnects by itself when the daemon restarts', async () => {
    await openUi();
    await markPage();
    const before = await pidOf('sleeper');
    const { dir } = sut!.daemon;
    sut!.close();
    await sut!.daemon.stop('SIGTERM');
    await page.waitForSelector('.connection[data-state="reconnecting"]', { timeout: 10_000 });
    sut = await startWithConfig(config(port), { dir });
    await waitForState(sut.rpc, 'sleeper', 'RUNNING');
    const after = await pidOf('sleeper');
    expect(after).not.toBe(before);
    await page.waitForSelector('.connection[data-state="live"]', { timeout: 15_000 });
    await page.waitForFunction(
      (pid: string) =>
        document.querySelector('tr[data-name="sleeper"] td[data-label="PID"]')?.textContent === pid,
      { timeout: 10_000 },
      after,
    );
    expect(await stillSamePage()).toBe('same page');
  });
});

/** Another web site: one page on a port of its own. */
const servePage = async (html: string): Promise<{ port: number; close(): Promise<void> }> => {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
  });
  const at = await freePort();
  await new Promise<void>((resolve) => server.listen(at, '127.0.0.1', resolve));
  return {
    port: at,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
