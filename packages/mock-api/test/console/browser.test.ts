import { AuthError, createReturnsClient } from '@returns-pack/shared-client';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import type { Page } from 'playwright-core';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';
import { tradeReturnBody } from '../helpers/harness';
import { launchBrowser, openPage, screenshot, unlabelledControls } from './helpers/browser';
import type { Browser } from './helpers/browser';

/**
 * The developer console in a real headless Chromium against a real mock server: what a merchant
 * does on seed 000's settings screen, and what an integrator checks in the delivery log.
 */
const ADMIN_TOKEN = 'console-browser-test-token';
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
  receiver = await startReceiver(() => ({ status: 200, body: '{"received":true}' }));
  problems = [];
});
afterEach(async () => {
  await server.close();
  await receiver.close();
  expect(problems).toEqual([]);
});

/** Opens the console the way `returns-mock serve` prints it: the token in the fragment. */
async function openConsole(): Promise<Page> {
  const page = await openPage(browser, problems);
  await page.goto(`${server.url}/console#token=${ADMIN_TOKEN}`);
  await page.getByRole('heading', { level: 2, name: 'API clients' }).waitFor();
  return page;
}

const section = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Console sections' })
    .getByRole('button', { name, exact: true })
    .click();

test('generate a key, use it, watch its deliveries, resend and replay, revoke it', async () => {
  const page = await openConsole();
  // The token left the address bar (and history) for this tab's sessionStorage.
  expect(page.url()).toBe(`${server.url}/console`);

  await page.getByLabel('Name').fill('Acme helpdesk');
  await page.getByLabel('Webhook URL').fill(receiver.url);
  await page.getByRole('button', { name: 'Generate API key' }).click();

  const once = page.getByRole('region', { name: 'Key for “Acme helpdesk”' });
  await once.waitFor();
  expect(await once.textContent()).toContain('you will not see this again');
  expect(await once.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  const apiKey = await once.getByLabel('API key').inputValue();
  const secret = await once.getByLabel('Webhook secret').inputValue();
  expect(apiKey).toMatch(/^rmk_/);
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await once.getByRole('button', { name: 'Copy API key' }).click();
  await once.getByText('API key copied').waitFor();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(apiKey);
  expect(await unlabelledControls(page)).toEqual([]);
  await screenshot(page, '01-api-key-shown-once');

  await once.getByRole('button', { name: 'I have copied them' }).click();
  await once.waitFor({ state: 'detached' });
  expect(await page.content()).not.toContain(apiKey);
  const row = page.getByRole('row', { name: /Acme helpdesk/ });
  expect(await row.textContent()).toContain(apiKey.slice(0, 12));
  expect(await row.textContent()).toContain('Active');
  await screenshot(page, '02-api-clients');

  // The log is open before anything is delivered: new attempts appear live and are announced.
  await section(page, 'Deliveries');
  await page.getByText('No attempts yet.').waitFor();
  const client = createReturnsClient({ baseUrl: server.url, apiKey });
  const rma = await client.tradeReturns.create(tradeReturnBody());
  const [delivered] = await receiver.waitFor(1);
  const eventId = delivered!.event.id;
  const attempts = page.locator(`tr[data-event-id="${eventId}"]`);
  await attempts.first().waitFor();
  expect(await attempts.first().textContent()).toMatch(
    /return\.created.*200.*delivered.*\{"received":true\}/,
  );
  await page.getByText('New: return.created delivered (HTTP 200).').waitFor();
  expect(await page.locator('.live-news').getAttribute('aria-live')).toBe('polite');

  const webhooks = (await (await adminGet('/admin/v1/webhooks')).json()) as { data: { id: string }[] };
  const sub = webhooks.data[0]!;
  await page.getByRole('button', { name: `Resend ${eventId} to ${sub.id}` }).click();
  const [, resent] = await receiver.waitFor(2);
  expect(resent!.event).toMatchObject({ id: eventId, replay: true });
  await attempts.nth(1).waitFor();
  await page.getByRole('status').getByText(`Re-sent ${eventId} to ${sub.id}.`).waitFor();

  // Filters: nothing was given up; this event's delivered attempts are the first and its resend.
  await page.getByLabel('Outcome').selectOption('given_up');
  await page.getByText('No attempts match these filters.').waitFor();
  await page.getByLabel('Outcome').selectOption('delivered');
  await page.getByLabel('Event id').fill(eventId);
  await page.getByLabel('Event id').press('Enter');
  await attempts.nth(1).waitFor();
  expect(await page.locator('tbody tr').count()).toBe(2);
  await screenshot(page, '04-deliveries');

  await section(page, 'Webhooks');
  const subRow = page.getByRole('row', { name: new RegExp(sub.id) });
  await subRow.waitFor();
  expect(await subRow.textContent()).toMatch(/All events.*hmac-sha256.*None \(one attempt\)/);
  await subRow.getByRole('button', { name: /Replay/ }).click();
  // The form takes focus once it has rendered, a frame after the click: wait for that, then check it.
  const subscriptionField = await page.getByLabel('Subscription', { exact: true }).elementHandle();
  await page.waitForFunction((el) => el === el?.ownerDocument.activeElement, subscriptionField);
  expect(await subscriptionField!.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  await page.getByRole('button', { name: 'Replay window' }).click();
  await page.getByText(`Replaying 1 event to ${sub.id}: see Deliveries.`).waitFor();
  const [, , replayed] = await receiver.waitFor(3);
  expect(replayed!.event).toMatchObject({ id: eventId, type: 'return.created', replay: true });
  await screenshot(page, '03-webhooks');

  // Revoking asks first; Escape keeps the key.
  await section(page, 'API clients');
  await page.getByRole('button', { name: 'Revoke Acme helpdesk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke “Acme helpdesk”?' });
  await dialog.waitFor();
  await screenshot(page, '05-revoke-confirmation');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect((await client.rmas.get(rma.id)).id).toBe(rma.id);

  await page.getByRole('button', { name: 'Revoke Acme helpdesk' }).click();
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  await page.getByText('Revoked “Acme helpdesk”: its key is refused from the next request on.').waitFor();
  expect(await row.textContent()).toContain('Revoked');
  await expect(client.rmas.get(rma.id)).rejects.toBeInstanceOf(AuthError);
  await expect(client.rmas.get(rma.id)).rejects.toMatchObject({ status: 401 });
});

test('browse RMAs and move one through its status machine; advance the clock into an SLA breach', async () => {
  const rma = server.services.rmas.createTradeReturn(tradeReturnBody());
  const page = await openConsole();

  // Keyboard only: the section button, then focus lands on the section's heading.
  await page.getByRole('button', { name: 'RMAs', exact: true }).focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'RMAs' });
  await heading.waitFor();
  expect(await heading.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

  const row = page.locator(`tr[data-rma-id="${rma.id}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('REQUESTED');
  const next = page.getByLabel(`Next status for ${rma.id}`);
  expect(await next.locator('option').allTextContents()).toEqual(['APPROVED', 'CANCELED', 'PAUSED']);
  await next.selectOption('APPROVED');
  await next.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText(`${rma.id} moved from REQUESTED to APPROVED.`).waitFor();
  await row.getByText('APPROVED', { exact: true }).waitFor();
  expect(server.services.rmas.get(rma.id).status).toBe('APPROVED');
  expect(await unlabelledControls(page)).toEqual([]);
  await screenshot(page, '06-rmas');

  await section(page, 'Test clock');
  await page.getByRole('button', { name: '+1 day' }).click();
  await page.getByText('Advanced 1 d: what fell due has run').waitFor();
  await page.getByLabel('Seconds').fill(String(14 * 86_400));
  await page.getByLabel('Seconds').press('Enter');
  await page.getByText('Advanced 14 d: what fell due has run').waitFor();
  expect(server.clock.offsetSeconds()).toBe(15 * 86_400);
  expect(await page.locator('.clock').textContent()).toContain('15 d');
  await screenshot(page, '07-test-clock');

  await section(page, 'RMAs');
  await row.getByText('breached').waitFor();
  expect(server.services.rmas.get(rma.id).sla.breached_at).not.toBeNull();
});

test('asks for the admin token when none is given, and refuses a wrong one', async () => {
  const page = await openPage(browser, problems);
  await page.goto(`${server.url}/console`);
  const token = page.getByLabel('Admin token');
  await token.fill('not-the-admin-token');
  await token.press('Enter');
  await page.getByRole('alert').getByText('That admin token was refused.').waitFor();
  // The refused call is the one 401 the browser logs; it is expected here.
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('401')));
  await screenshot(page, '00-sign-in');

  await token.fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Open the console' }).click();
  await page.getByRole('heading', { level: 2, name: 'API clients' }).waitFor();
  expect(await page.evaluate('sessionStorage.length')).toBe(1);

  await page.getByRole('button', { name: 'Forget the admin token' }).click();
  await token.waitFor();
  expect(await page.evaluate('sessionStorage.length')).toBe(0);
});

const adminGet = (path: string) =>
  fetch(server.url + path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
