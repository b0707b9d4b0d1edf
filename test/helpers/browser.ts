// A real headless browser for the web UI tests: Debian's chromium (scripts/install-deps.sh)
// driven by puppeteer-core, which never downloads a browser of its own.

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> =>
  puppeteer.launch({
    executablePath: CHROMIUM,
    // Tests run as root in containers: chromium's sandbox needs user namespaces it may not get.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });

/** A page that answers basic-auth challenges with these credentials, as a saved login would. */
export const openPage = async (
  browser: Browser,
  credentials: { readonly username: string; readonly password: string } | null,
  viewport = { width: 1200, height: 800 },
): Promise<Page> => {
  const page = await browser.newPage();
  if (credentials !== null) {
    await page.authenticate(credentials);
  }
  await page.setViewport(viewport);
  return page;
};
