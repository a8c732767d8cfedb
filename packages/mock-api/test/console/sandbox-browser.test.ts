import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer, MockServerOptions } from '@returns-pack/mock-api';
import type { Locator, Page } from 'playwright-core';
import { memoryStorage } from '../../src/storage/memory';
import { DATABASE_FILE } from '../../src/storage/sqlite';
import { tradeReturnBody } from '../helpers/harness';
import { launchBrowser, openPage, screenshot, unlabelledControls } from './helpers/browser';
import type { Browser } from './helpers/browser';

/**
 * The console's Sandbox panel in a real headless Chromium: where the data lives, and a reset that
 * asks first. Each server names its store: the durable jest project would otherwise make it SQLite.
 */
const ADMIN_TOKEN = 'console-sandbox-test-token';
let browser: Browser;
let server: MockServer | undefined;
let dataDir: string | undefined;
let problems: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(() => {
  problems = [];
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  expect(problems).toEqual([]);
});

async function openConsole(options: MockServerOptions): Promise<{ page: Page; panel: Locator }> {
  server = await startMockServer({ adminToken: ADMIN_TOKEN, ...options });
  await server.createApiClient({ name: 'Acme helpdesk' });
  server.services.rmas.createTradeReturn(tradeReturnBody());
  const page = await openPage(browser, problems);
  await page.goto(`${server.url}/console#token=${ADMIN_TOKEN}`);
  await page.getByRole('heading', { level: 2, name: 'API clients' }).waitFor();
  return { page, panel: page.getByRole('complementary', { name: 'Sandbox' }) };
}

const count = (panel: Locator, name: string) => panel.locator(`dd[data-count="${name}"]`).textContent();

const section = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Console sections' })
    .getByRole('button', { name, exact: true })
    .click();

test('in memory: Reset asks first, Cancel keeps everything, confirming empties the lists on screen', async () => {
  const { page, panel } = await openConsole({ storage: memoryStorage() });
  await panel.getByText('Data: in memory — lost when the server stops').waitFor();
  await panel.locator('dd[data-count="rmas"]', { hasText: '1' }).waitFor();
  expect(await count(panel, 'api_clients')).toBe('1');
  expect(await count(panel, 'webhook_subscriptions')).toBe('0');
  expect(await count(panel, 'deliveries_waiting')).toBe('0');
  expect(await panel.textContent()).toContain('Engine');
  const client = page.getByRole('row', { name: /Acme helpdesk/ });
  await client.waitFor();
  expect(await unlabelledControls(page)).toEqual([]);
  await screenshot(page, '08-sandbox');

  const resetButton = panel.getByRole('button', { name: 'Reset sandbox…' });
  const dialog = page.getByRole('dialog', { name: 'Reset the sandbox?' });
  await resetButton.click();
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('The admin token keeps working');
  // Cancel has the focus: Enter on a reflex keeps the data.
  expect(
    await dialog
      .getByRole('button', { name: 'Cancel' })
      .evaluate((el) => el === el.ownerDocument.activeElement),
  ).toBe(true);
  await screenshot(page, '09-reset-confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await client.waitFor();
  expect(server!.services.repositories.rmas.count()).toBe(1);
  expect(server!.services.repositories.apiClients.list()).toHaveLength(1);

  // Reset from the RMAs section: its list, on screen, empties.
  await section(page, 'RMAs');
  const rma = page.locator('tr[data-rma-id]');
  await rma.waitFor();
  await resetButton.click();
  await dialog.getByRole('button', { name: 'Reset sandbox', exact: true }).click();
  await panel.getByRole('status').getByText('Sandbox reset: everything was deleted').waitFor();
  await page.getByText('No RMAs match.').waitFor();
  expect(await rma.count()).toBe(0);
  for (const name of ['rmas', 'api_clients', 'webhook_subscriptions', 'deliveries_waiting']) {
    expect([name, await count(panel, name)]).toEqual([name, '0']);
  }
  expect(server!.services.repositories.rmas.count()).toBe(0);

  // Still signed in with the same token, and the other lists are empty too.
  await section(page, 'API clients');
  await page.getByText('No API clients yet: generate one above.').waitFor();
  expect(await client.count()).toBe(0);
  await screenshot(page, '10-sandbox-reset');
});

test('with a data folder, the panel names the SQLite file', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'returns-mock-console-'));
  const { panel } = await openConsole({ dataDir });
  await panel.getByText(`Data: ${join(dataDir, DATABASE_FILE)}`).waitFor();
  expect(await panel.textContent()).toMatch(/Engine\s*SQLite/);
  expect(await panel.textContent()).not.toContain('lost when the server stops');
});
