import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** Debian's `chromium` package; another binary with CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** At the repository's root, gitignored: CI keeps them as artifacts. */
export const SCREENSHOTS = join(__dirname, '../../../../../artifacts/console');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a throw-away profile; without Chromium, a failure that says how to install it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The console's browser tests need Chromium at ${CHROMIUM}: install it with ` +
        '"apt-get update && apt-get install -y chromium" (as .ci/run does), or set CHROMIUM_PATH.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page that fails the test on any script error or failed request, instead of hiding it. */
export async function openPage(browser: Browser, problems: string[]): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// Runs in the page; a string, since these tests compile without the DOM's types.
const FIND_UNLABELLED = `[...document.querySelectorAll('input, select, textarea, button')]
  .filter((el) => el.tagName === 'BUTTON'
    ? el.textContent.trim() === ''
    : el.labels.length === 0 && !el.getAttribute('aria-label'))
  .map((el) => el.outerHTML.slice(0, 120))`;

/** Form controls without an accessible name: every one must have a label. */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(FIND_UNLABELLED) as Promise<string[]>;
}
