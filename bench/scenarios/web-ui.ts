// Scenario 12: what an open web UI costs the daemon. tssupervisord with 100 idle programs and an
// [inet_http_server]: its idle CPU (per 20 s) and RSS measured once with no page open, then again
// in the same run with the live UI (/ui/) open and idle in headless chromium — the page holding
// its long-poll and fetching figures every 5 s. supervisord has no live page (its status page
// is static HTML, nothing runs once it is shown) and PM2's web dashboard is a hosted service:
// both are noted, not measured.

import { existsSync } from 'node:fs';
import { join } from 'node:path';

import puppeteer from 'puppeteer-core';

import { freePort } from '../../test/helpers/ports.js';
import { sleep } from '../clock.js';
import { cpuSeconds, rssMiB } from '../proc/proc-stats.js';
import { type LaunchedSupervisor, Unsupported } from '../subjects/subject.js';
import { idlePrograms } from '../subjects/workload-spec.js';
import { type BenchContext, check, forEachSubject, type Scenario } from './scenario.js';

const PROGRAMS = 100;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const sumOf = (values: readonly (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);

/** The daemon's CPU seconds per 20 s over a window, and its RSS at the end; null if it died. */
const idleWindow = async (
  launched: LaunchedSupervisor,
  windowS: number,
): Promise<{ readonly cpuPer20s: number; readonly rss: number } | null> => {
  const before = sumOf(launched.daemonPids().map(cpuSeconds));
  await sleep(windowS * 1000);
  const after = sumOf(launched.daemonPids().map(cpuSeconds));
  const rss = sumOf(launched.daemonPids().map(rssMiB));
  return before === null || after === null || rss === null
    ? null
    : { cpuPer20s: (after - before) * (20 / windowS), rss };
};

const measure = async (
  ctx: BenchContext,
  run: number,
  launched: LaunchedSupervisor,
  port: number,
): Promise<void> => {
  await launched.waitRunning(PROGRAMS, 60_000);
  await launched.ready(20_000);
  // Past V8's one-off memory-reducer GC (25–35 s after start), as in the idle scenario.
  await sleep(ctx.quick ? 35_000 : 60_000);
  const windowS = ctx.quick ? 20 : 60;
  const closed = await idleWindow(launched, windowS);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/ui/`);
    await page.waitForSelector('.connection[data-state="live"]', { timeout: 20_000 });
    await page.waitForSelector('tbody tr', { timeout: 20_000 });
    // Let the page's first figures and charts settle before the window.
    await sleep(10_000);
    const open = await idleWindow(launched, windowS);
    const rows = await page.evaluate('document.querySelectorAll("tbody tr").length');
    const scope = { scenario: 'webui', subject: launched.id };
    if (
      check(ctx, scope, closed !== null && open !== null, 'the daemon died while idle') &&
      check(ctx, scope, rows === PROGRAMS, `the page lists ${String(rows)} of ${PROGRAMS} programs`)
    ) {
      ctx.results.record('webui.closed.idle', launched.id, run, [closed?.cpuPer20s ?? Number.NaN]);
      ctx.results.record('webui.open.idle', launched.id, run, [open?.cpuPer20s ?? Number.NaN]);
      ctx.results.record('webui.closed.rss', launched.id, run, [closed?.rss ?? Number.NaN]);
      ctx.results.record('webui.open.rss', launched.id, run, [open?.rss ?? Number.NaN]);
    }
  } finally {
    await browser.close();
  }
};

export const webUiScenario: Scenario = {
  id: 'webui',
  title: `an open, idle web UI, ${PROGRAMS} programs`,
  fullRuns: 1,
  run: (ctx, run, order) =>
    forEachSubject(ctx, {
      scenario: 'webui',
      order,
      body: async (subject) => {
        if (subject.id !== 'tssupervisord') {
          throw new Unsupported(
            subject.id === 'supervisord'
              ? 'no live page (its status page is static HTML)'
              : 'its web dashboard is a hosted service',
          );
        }
        if (!existsSync(CHROMIUM)) {
          throw new Unsupported(
            `no browser at ${CHROMIUM} (scripts/install-deps.sh installs chromium)`,
          );
        }
        const dir = ctx.newDir(`webui-${subject.id}`);
        const port = await freePort();
        const launched = await subject.launch(
          {
            programs: idlePrograms(PROGRAMS),
            recordsFile: join(dir, 'records.txt'),
            httpPort: port,
          },
          dir,
        );
        try {
          await measure(ctx, run, launched, port);
        } finally {
          await launched.close();
        }
      },
      floor: null,
    }),
};
