import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer, MockServerOptions } from '@returns-pack/mock-api';
import { memoryStorage } from '../../src/storage/memory';
import { DATABASE_FILE } from '../../src/storage/sqlite';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Answer as ReceiverAnswer, Receiver } from '../delivery/helpers/receiver';
import { Api, startHarness, tradeReturnBody } from '../helpers/harness';
import type { Harness, Json } from '../helpers/harness';
import { OpenApiResponses } from '../helpers/openapi-responses';

/**
 * The console's Sandbox panel over HTTP: where the data lives, what the sandbox holds, and a reset
 * that empties it while the admin token and the test clock carry on. In the durable jest project
 * the servers without a store of their own run on SQLite, so every reset here runs on both stores.
 */
const RESET = { confirm: 'reset' };
const DAY = 86_400;
const EMPTY = { rmas: 0, api_clients: 0, webhook_subscriptions: 0, deliveries_waiting: 0 };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harness(options: MockServerOptions = {}): Promise<Harness> {
  const h = await startHarness(options);
  cleanups.push(() => h.close());
  return h;
}

async function receiver(answer: (index: number) => ReceiverAnswer): Promise<Receiver> {
  const r = await startReceiver((_r, i) => answer(i));
  cleanups.push(() => r.close());
  return r;
}

/** A server on the data folder, closed after the test unless the test closed it. */
async function serverOn(dataDir: string): Promise<MockServer> {
  const server = await startMockServer({ dataDir });
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= server.close());
  cleanups.push(close);
  return { ...server, close };
}

/** The admin API of a server as it is, without the harness's API client. */
async function adminOf(server: MockServer): Promise<Api> {
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as never;
  return new Api(
    server.url,
    { authorization: `Bearer ${server.adminToken}` },
    new OpenApiResponses(document),
  );
}

async function created(api: Api, body = tradeReturnBody()): Promise<Json> {
  const answer = await api.post('/external/v1/trade-returns', body);
  expect(answer.status).toBe(201);
  return answer.body;
}

/** A new API client made through the admin API, and the external API as it. */
async function newClient(h: Harness, name: string): Promise<Api> {
  const answer = await h.admin.post('/admin/v1/api-clients', { name });
  expect(answer.status).toBe(201);
  return h.api.as({ 'x-api-key': answer.body.api_key });
}

test('GET /admin/v1/sandbox says the data is in memory and counts what the sandbox holds', async () => {
  const h = await harness({ storage: memoryStorage() });
  const r = await receiver(() => 200);

  const first = await h.admin.get('/admin/v1/sandbox');
  expect(first.status).toBe(200);
  expect(first.body).toEqual({
    storage: { engine: 'memory', data_dir: null, file: null },
    counts: { ...EMPTY, api_clients: 1 },
  });

  await h.admin.post('/admin/v1/api-clients', { name: 'with url', webhook_url: r.url });
  await created(h.api);
  await created(h.api);
  await r.waitFor(2);
  await h.server.delivery.settled();
  expect((await h.admin.get('/admin/v1/sandbox')).body.counts).toEqual({
    rmas: 2,
    api_clients: 2,
    webhook_subscriptions: 1,
    deliveries_waiting: 0,
  });
});

test('both sandbox routes want the admin token, and an API key resets nothing', async () => {
  const h = await harness();
  await created(h.api);
  expect((await h.anonymous.get('/admin/v1/sandbox')).status).toBe(401);
  expect((await h.api.get('/admin/v1/sandbox')).status).toBe(401);
  const refused = await h.api.post('/admin/v1/sandbox/reset', RESET);
  expect(refused.status).toBe(401);
  expect(refused.body.error.code).toBe('unauthorized');
  expect((await h.admin.get('/admin/v1/sandbox')).body.counts.rmas).toBe(1);
});

test('reset empties RMAs, API clients, webhooks, events and queued deliveries; nothing queued is sent after', async () => {
  const h = await harness();
  // Down until the reset, so that retries are waiting when it comes; up after, to catch any send.
  let up = false;
  const r = await receiver(() => (up ? 200 : 503));
  const hook = await h.api.post('/external/v1/webhooks', {
    url: r.url,
    events: ['*'],
    retry_policy: 'exponential',
    retry_schedule: [60, 600],
  });
  expect(hook.status).toBe(201);
  await h.admin.post('/admin/v1/api-clients', { name: 'default webhook', webhook_url: r.url });
  const rma = await created(h.api);
  expect((await h.admin.post(`/admin/v1/rmas/${rma.id}/transitions`, { to: 'APPROVED' })).status).toBe(200);
  // The default webhook gives both events up at once; the retrying one fails the first and holds both.
  await r.waitFor(3);
  await h.server.delivery.settled();
  await h.admin.post('/admin/v1/clock/advance', { seconds: 30 });
  const before = await h.admin.get('/admin/v1/sandbox');
  expect(before.body.counts).toEqual({
    rmas: 1,
    api_clients: 2,
    webhook_subscriptions: 2,
    deliveries_waiting: 2,
  });

  const reset = await h.admin.post('/admin/v1/sandbox/reset', RESET);
  expect(reset.status).toBe(200);
  expect(reset.body).toEqual({ storage: before.body.storage, counts: EMPTY });

  // The same admin token still works, on every list the console shows.
  expect((await h.admin.get('/admin/v1/sandbox')).body).toEqual(reset.body);
  for (const path of [
    '/admin/v1/rmas',
    '/admin/v1/api-clients',
    '/admin/v1/webhooks',
    '/admin/v1/deliveries',
  ]) {
    const list = await h.admin.get(path);
    expect([path, list.status, list.body.data]).toEqual([path, 200, []]);
  }
  expect((await h.admin.get('/admin/v1/clock')).body.offset_seconds).toBe(30);
  // The API key went with its client; a client made now sees an empty event log.
  expect((await h.api.get(`/external/v1/rmas/${rma.id}`)).status).toBe(401);
  const fresh = await newClient(h, 'after the reset');
  expect((await fresh.get('/external/v1/events')).body.data).toEqual([]);
  expect((await fresh.get(`/external/v1/rmas/${rma.id}`)).status).toBe(404);

  up = true;
  const sent = r.received.length;
  await h.admin.post('/admin/v1/clock/advance', { seconds: DAY });
  await h.server.delivery.settled();
  expect(r.received.length).toBe(sent);
  expect(h.server.delivery.pending()).toBe(0);
});

test('the SLA checks and auto-close countdowns of RMAs that are gone do nothing after a reset', async () => {
  const h = await harness();
  const open = await created(h.api);
  const delivered = await created(h.api);
  for (const to of ['APPROVED', 'LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED']) {
    expect((await h.admin.post(`/admin/v1/rmas/${delivered.id}/transitions`, { to })).status).toBe(200);
  }
  expect(h.server.services.autoClose.dueAt(delivered.id)).toBeDefined();
  expect((await h.admin.post('/admin/v1/sandbox/reset', RESET)).status).toBe(200);
  expect(h.server.services.autoClose.dueAt(delivered.id)).toBeUndefined();

  const warn = jest.spyOn(process, 'emitWarning');
  cleanups.push(() => warn.mockRestore());
  const fresh = await newClient(h, 'after the reset');
  const after = await created(fresh);
  // Past the auto-close (7 days) and the SLA (14 days) of all three.
  await h.admin.post('/admin/v1/clock/advance', { seconds: 15 * DAY });

  const events = (await fresh.get('/external/v1/events?limit=100')).body.data;
  expect(events.map((e: Json) => [e.type, e.subject.id]).sort()).toEqual([
    ['return.created', after.id],
    ['rma.breach', after.id],
  ]);
  for (const gone of [open.id, delivered.id]) {
    expect((await fresh.get(`/external/v1/rmas/${gone}`)).status).toBe(404);
  }
  expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([]);
});

test('a missing or wrong confirm is a 400 naming confirm, and changes nothing', async () => {
  const h = await harness();
  await created(h.api);
  const before = (await h.admin.get('/admin/v1/sandbox')).body;

  const bodies = [
    undefined,
    null,
    {},
    { confirm: 'yes' },
    { confirm: 'RESET' },
    { confirm: true },
    { confirm: ['reset'] },
  ];
  for (const body of bodies) {
    const answer = await h.admin.post('/admin/v1/sandbox/reset', body);
    expect([body, answer.status, answer.body.error.code]).toEqual([body, 400, 'validation_failed']);
    expect(answer.body.error.details.map((d: Json) => d.path)).toEqual(['confirm']);
    expect(answer.body.error.message).toMatch(/^Invalid body: confirm /);
  }
  const missing = await h.admin.post('/admin/v1/sandbox/reset');
  expect(missing.body.error.details).toEqual([
    { path: 'confirm', message: 'is required: send {"confirm": "reset"}' },
  ]);
  // Unknown fields are refused as on every route, each named.
  const extra = await h.admin.post('/admin/v1/sandbox/reset', { ...RESET, everything: true });
  expect(extra.status).toBe(400);
  expect(extra.body.error.details.map((d: Json) => d.path)).toEqual(['everything']);

  expect((await h.admin.get('/admin/v1/sandbox')).body).toEqual(before);
});

test('an attempt on the wire during the reset leaves nothing in the emptied delivery log', async () => {
  const h = await harness();
  const r = await receiver(() => ({ status: 200, delayMs: 300 }));
  const hook = await h.api.post('/external/v1/webhooks', { url: r.url, events: ['return.created'] });
  await created(h.api);
  // The receiver has the request and answers 300 ms later: the attempt is on the wire.
  await r.waitFor(1);
  expect((await h.admin.post('/admin/v1/sandbox/reset', RESET)).status).toBe(200);
  await h.server.delivery.settled();
  expect(h.server.services.repositories.deliveryAttempts.list(hook.body.id, { limit: 100 }).data).toEqual([]);
});

test('a webhook still being created when the reset comes receives nothing after it', async () => {
  // The new webhook's host name resolves (to the receiver) only once the reset is done.
  let asked!: () => void;
  const resolving = new Promise<void>((resolve) => (asked = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const h = await harness({
    webhooks: {
      urlPolicy: {
        resolve: async () => {
          asked();
          await released;
          return [{ address: '127.0.0.1', family: 4 }];
        },
      },
    },
  });
  const r = await receiver(() => 200);
  const creating = h.api.post('/external/v1/webhooks', {
    url: r.url.replace('127.0.0.1', 'hooks.sandbox.test'),
    events: ['*'],
  });
  await resolving;
  expect((await h.admin.post('/admin/v1/sandbox/reset', RESET)).status).toBe(200);
  release();
  expect((await creating).status).toBe(201);

  const fresh = await newClient(h, 'after the reset');
  await created(fresh);
  await h.server.delivery.settled();
  expect(r.received).toEqual([]);
  expect((await h.admin.get('/admin/v1/sandbox')).body.counts).toEqual({
    ...EMPTY,
    rmas: 1,
    api_clients: 1,
  });
});

test('with a data folder: SQLite and its file; after a reset and a restart, still empty, same token, same clock', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'returns-mock-sandbox-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const first = await serverOn(dataDir);
  const admin = await adminOf(first);
  const state = await admin.get('/admin/v1/sandbox');
  expect(state.body.storage).toEqual({
    engine: 'sqlite',
    data_dir: resolve(dataDir),
    file: join(resolve(dataDir), DATABASE_FILE),
  });

  const client = await first.createApiClient({ name: 'before the reset' });
  await created(admin.as({ 'x-api-key': client.api_key }));
  await admin.post('/admin/v1/clock/advance', { seconds: 3_600 });
  expect((await admin.get('/admin/v1/sandbox')).body.counts).toMatchObject({ rmas: 1, api_clients: 1 });
  const reset = await admin.post('/admin/v1/sandbox/reset', RESET);
  expect(reset.body).toEqual({ storage: state.body.storage, counts: EMPTY });
  await first.close();

  const second = await serverOn(dataDir);
  expect(second.adminToken).toBe(first.adminToken);
  const again = await adminOf(second);
  expect((await again.get('/admin/v1/sandbox')).body).toEqual(reset.body);
  expect((await again.get('/admin/v1/clock')).body.offset_seconds).toBe(3_600);
  expect((await again.get('/admin/v1/api-clients')).body.data).toEqual([]);
  const oldKey = await again.as({ 'x-api-key': client.api_key }).get('/external/v1/rmas');
  expect(oldKey.status).toBe(401);
});
