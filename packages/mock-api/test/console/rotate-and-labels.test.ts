import { createReturnsClient, verifyWebhook } from '@returns-pack/shared-client';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import type { Page } from 'playwright-core';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';
import { tradeReturnBody } from '../helpers/harness';
import { launchBrowser, openPage, screenshot, unlabelledControls } from './helpers/browser';
import type { Browser } from './helpers/browser';

/** #18 in the console, in headless Chromium against the mock: Rotate secret, and labels on RMAs. */
const ADMIN_TOKEN = 'console-rotate-test-token';
let browser: Browser;
let server: MockServer;
let receiver: Receiver;
let problems: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  server = await startMockServer({ adminToken: ADMIN_TOKEN });
  receiver = await startReceiver();
  problems = [];
});
afterEach(async () => {
  await server.close();
  await receiver.close();
  expect(problems).toEqual([]);
});

async function openSection(name: string): Promise<Page> {
  const page = await openPage(browser, problems);
  await page.goto(`${server.url}/console#token=${ADMIN_TOKEN}`);
  await page.getByRole('heading', { level: 2, name: 'API clients' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Console sections' })
    .getByRole('button', { name, exact: true })
    .click();
  return page;
}

test('Rotate secret beside a subscription shows the new secret once; deliveries verify with the previous one until the window ends, then with the new one', async () => {
  const client = await server.createApiClient({ name: 'Rotating', webhook_url: receiver.url });
  const page = await openSection('Webhooks');
  const row = page.getByRole('row', { name: new RegExp(client.webhook_id!) });
  await row.getByRole('button', { name: `Rotate secret of ${receiver.url}` }).click();

  const once = page.getByRole('region', { name: `New secret for ${receiver.url}` });
  await once.waitFor();
  expect(await once.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  const fresh = await once.getByLabel('New webhook secret').inputValue();
  expect(fresh).not.toBe(client.webhook_secret);
  expect(await once.textContent()).toContain('signed with the previous one until then');
  expect(await unlabelledControls(page)).toEqual([]);
  await screenshot(page, '08-rotate-secret');

  // During the window the mock still signs with the previous secret; after it, with the new one.
  const api = createReturnsClient({ baseUrl: server.url, apiKey: client.api_key });
  const now = () => server.clock.now();
  const verify = (i: number, secret: string) =>
    verifyWebhook(
      { headers: receiver.received[i]!.headers, rawBody: receiver.received[i]!.body },
      {
        scheme: 'hmac-sha256',
        secret,
        now,
      },
    );
  await api.tradeReturns.create(tradeReturnBody());
  await receiver.waitFor(1);
  await expect(verify(0, client.webhook_secret)).resolves.toMatchObject({ type: 'return.created' });
  server.clock.advance(86_400);
  await api.tradeReturns.create(tradeReturnBody());
  await receiver.waitFor(2);
  await expect(verify(1, fresh)).resolves.toMatchObject({ type: 'return.created' });
  await expect(verify(1, client.webhook_secret)).rejects.toMatchObject({ reason: 'bad_signature' });

  await once.getByRole('button', { name: 'I have copied it' }).click();
  await once.waitFor({ state: 'detached' });
  expect(await page.content()).not.toContain(fresh);
});

test('RMAs show their return label, linked to its PDF', async () => {
  const labelled = server.services.rmas.createTradeReturn({
    ...tradeReturnBody(),
    requires_label: true,
  } as never);
  const plain = server.services.rmas.createTradeReturn(tradeReturnBody() as never);
  const page = await openSection('RMAs');
  const link = page.locator(`tr[data-rma-id="${labelled.id}"]`).getByRole('link');
  await link.waitFor();
  expect(await link.textContent()).toBe(`UPS ${labelled.label!.tracking_number}`);
  expect(await link.getAttribute('href')).toBe(labelled.label!.url);
  expect(await page.locator(`tr[data-rma-id="${plain.id}"]`).getByRole('link').count()).toBe(0);
});
