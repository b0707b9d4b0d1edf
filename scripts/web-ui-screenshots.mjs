// Takes the screenshots of the live web UI that docs/web-ui.md shows (docs/images/web-live-*.png):
// runs the demo (conf.d/demo, in a temp copy on free ports, with a queue group and a stopped
// program added) on the built daemon, lets the charts fill for a while, and photographs the list
// at desktop and phone widths and a process's page in headless chromium.
// Run after `npm run build`: node scripts/web-ui-screenshots.mjs

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, URL } from 'node:url';

import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs', 'images');
const FILL_MS = Number(process.env['FILL_MS'] ?? 150_000);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'tssupervisor-shots-'));
cpSync(join(root, 'conf.d', 'demo'), dir, { recursive: true, filter: (p) => !p.includes('/run/') });
const [uiPort, webPort] = [await freePort(), await freePort()];
const config = readFileSync(join(dir, 'supervisord.conf'), 'utf8')
  .replace('port=127.0.0.1:9001', `port=127.0.0.1:${uiPort}`)
  .replace('PORT="8765"', `PORT="${webPort}"`);
writeFileSync(
  join(dir, 'supervisord.conf'),
  `${config}
[group:queue]
programs=consumer

[program:consumer]
command=sh -c 'while true; do i=0; while [ $i -lt 30000 ]; do i=$((i+1)); done; echo "consumed batch"; sleep 1; done'
process_name=%(program_name)s_%(process_num)s
numprocs=3
startsecs=0

[program:backup]
command=sleep 3600
autostart=false
`,
);

const daemon = spawn(
  process.execPath,
  [join(root, 'bin', 'tssupervisord'), '-n', '-c', join(dir, 'supervisord.conf')],
  {
    stdio: 'ignore',
  },
);
const browser = await puppeteer.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  const url = `http://127.0.0.1:${uiPort}/ui/`;
  const open = async (viewport, hash = '') => {
    const page = await browser.newPage();
    await page.authenticate({ username: 'demo', password: 'demo' });
    await page.setViewport(viewport);
    for (let tries = 0; ; tries++) {
      try {
        await page.goto(`${url}${hash}`);
        break;
      } catch (error) {
        if (tries > 50) {
          throw error;
        }
        await sleep(200);
      }
    }
    await page.waitForSelector('.connection[data-state="live"]');
    return page;
  };
  const desktop = await open({ width: 1280, height: 640 });
  await sleep(FILL_MS);
  await desktop.screenshot({ path: join(out, 'web-live-desktop.png') });
  const phone = await open({
    width: 390,
    height: 844,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  await phone.waitForSelector('tr[data-name="web"]');
  await sleep(5_000);
  await phone.screenshot({ path: join(out, 'web-live-phone.png') });
  // A tab in the background draws nothing (no animation frames): bring it back first.
  await desktop.bringToFront();
  await desktop.goto(`${url}#/process/jobs`);
  await desktop.setViewport({ width: 1280, height: 900 });
  await desktop.waitForSelector('.log-line');
  await desktop.type('.log-search', 'job #1');
  await sleep(5_000);
  await desktop.screenshot({ path: join(out, 'web-live-detail.png') });
  process.stdout.write(`screenshots in ${out}\n`);
} finally {
  await browser.close();
  daemon.kill('SIGTERM');
  await new Promise((resolve) => daemon.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
