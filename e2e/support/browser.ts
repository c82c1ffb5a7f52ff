import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Flags for Debian's Chromium as root on a machine with no network but loopback (style.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const urls = {
  api: process.env['E2E_API_URL'] ?? 'http://127.0.0.1:3000',
  admin: process.env['E2E_ADMIN_URL'] ?? 'http://127.0.0.1:4200',
  publisher: process.env['E2E_PUBLISHER_URL'] ?? 'http://127.0.0.1:4300',
};

export const DEMO_PASSWORD = 'Gongkai-demo-1';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

// Test runs photograph into an ignored folder; `npm run screenshots` points this at
// docs/screenshots, the tracked pictures the README shows.
const screenshots = path.resolve(
  path.join(__dirname, '..', '..'),
  process.env['E2E_SCREENSHOTS_DIR'] ?? 'e2e/test-results/screenshots',
);

/**
 * Saves a full-page screenshot under e2e/test-results/screenshots/ (docs/screenshots/ for
 * `npm run screenshots`), once
 * opening dialogs and drawers have finished: antd's motion (rc-motion) keeps `*-appear-*` and
 * `*-enter-*` classes on an element until its animation ends, and until then a dialog may still
 * be transparent although Playwright already counts it visible.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page
    .waitForFunction(
      () => !document.querySelector('[class*="-appear-"], [class*="-enter-"]'),
      undefined,
      { timeout: 5000 },
    )
    // A page that keeps animating is photographed as it is rather than failing its test.
    .catch(() => undefined);
  // From the top: a full-page picture of a scrolled page draws the fixed header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: path.join(screenshots, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}
