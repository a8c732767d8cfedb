import { createReturnsClient, ApiError, verifyWebhook } from '@returns-pack/shared-client';
import type { CreatedApiClient, ReturnsClient } from '@returns-pack/shared-client';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import { startReceiver } from './helpers/receiver';
import type { Receiver } from './helpers/receiver';

let server: MockServer;
let r: Receiver;

beforeEach(async () => {
  server = await startMockServer({ rateLimit: false });
  r = await startReceiver((_got, i) => (i === 0 && failFirst ? 500 : 200));
  failFirst = false;
});

afterEach(async () => {
  await server.close();
  await r.close();
});

let failFirst = false;

async function admin(path: string, body: unknown) {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const clientFor = (c: CreatedApiClient): ReturnsClient =>
  createReturnsClient({ baseUrl: server.url, apiKey: c.api_key });

const newReturn = (client: ReturnsClient) =>
  client.tradeReturns.create({
    customer: { email: 'e2e@example.com' },
    items: [{ sku: 'SKU-1', quantity: 1 }],
  });

describe('webhooks on the running server', () => {
  it('gives an API client created with a webhook_url the seed-000 subscription, signed with its webhook secret', async () => {
    const created = await admin('/admin/v1/api-clients', { name: 'erp', webhook_url: r.url });
    expect(created.status).toBe(201);
    const client = created.body as unknown as CreatedApiClient;
    expect(client.webhook_id).toMatch(/^wh_/);

    const rma = await newReturn(clientFor(client));
    const [got] = await r.waitFor(1);
    const event = await verifyWebhook(
      { headers: got!.headers as Record<string, string>, rawBody: got!.body },
      { scheme: 'hmac-sha256', secret: client.webhook_secret, now: server.clock.now },
    );
    expect(event).toMatchObject({ type: 'return.created', subject: { id: rma.id }, sequence: 1 });

    const sub = await clientFor(client).webhooks.get(client.webhook_id!);
    expect(sub).toMatchObject({ events: ['*'], scheme: 'hmac-sha256', retry_policy: 'none' });
  });

  it('refuses an API client whose webhook_url is private, naming webhook_url, and creates no client', async () => {
    const refused = await admin('/admin/v1/api-clients', {
      name: 'bad',
      webhook_url: 'https://192.168.1.10/hook',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'webhook_url' }] },
    });
    const clients = await fetch(`${server.url}/admin/v1/api-clients`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(((await clients.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it("stops a revoked client's webhooks from the next event on", async () => {
    const revokedClient = (await admin('/admin/v1/api-clients', { name: 'gone', webhook_url: r.url }))
      .body as unknown as CreatedApiClient;
    const other = clientFor(await server.createApiClient());
    expect((await admin(`/admin/v1/api-clients/${revokedClient.id}/revoke`, {})).status).toBe(200);
    await newReturn(other);
    await server.delivery.settled();
    expect(r.received).toHaveLength(0);
    expect(server.delivery.pending()).toBe(0);
  });

  it('manages subscriptions over HTTP, each client seeing only its own', async () => {
    const alice = clientFor(await server.createApiClient({ name: 'alice' }));
    const bob = clientFor(await server.createApiClient({ name: 'bob' }));
    const created = await alice.webhooks.create({ url: r.url, events: ['return.created'], scheme: 'bearer' });
    expect(created.secret.length).toBeGreaterThan(20);

    expect((await alice.webhooks.list()).data.map((s) => s.id)).toEqual([created.id]);
    expect((await bob.webhooks.list()).data).toEqual([]);
    await expect(bob.webhooks.get(created.id)).rejects.toMatchObject({ status: 404, code: 'not_found' });

    const updated = await alice.webhooks.update(created.id, { events: ['*'], retry_policy: 'exponential' });
    expect(updated).toMatchObject({ events: ['*'], retry_policy: 'exponential' });
    expect(updated).not.toHaveProperty('secret');

    await expect(alice.webhooks.create({ url: 'https://10.0.0.1/x', events: ['*'] })).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      details: [{ path: 'url', message: expect.stringContaining('private') }],
    });
    expect(await alice.webhooks.delete(created.id)).toEqual({ id: created.id, deleted: true });
    await expect(alice.webhooks.get(created.id)).rejects.toBeInstanceOf(ApiError);
  });

  it('answers malformed requests with the contract error envelope', async () => {
    const key = (await server.createApiClient()).api_key;
    const post = (path: string, body: string) =>
      fetch(server.url + path, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body,
      });
    const bad = await post(
      '/external/v1/webhooks',
      JSON.stringify({ url: 'http://127.0.0.1/', events: ['nope'], extra: 1 }),
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['events.0', 'extra']));
    const unknown = await fetch(`${server.url}/external/v1/webhooks/wh_doesnotexist/deliveries`, {
      headers: { 'x-api-key': key },
    });
    expect(unknown.status).toBe(404);
    const noKey = await fetch(`${server.url}/external/v1/webhooks`);
    expect(noKey.status).toBe(401);
  });

  it('delivers a state change, retries on the server clock, and lists every attempt', async () => {
    failFirst = true;
    const api = clientFor(await server.createApiClient());
    const sub = await api.webhooks.create({
      url: r.url,
      events: ['return.ready'],
      retry_policy: 'exponential',
      retry_schedule: [30],
    });
    const rma = await newReturn(api);
    const moved = await admin(`/admin/v1/rmas/${rma.id}/transitions`, { to: 'APPROVED' });
    expect(moved.status).toBe(200);
    await r.waitFor(1);
    await server.delivery.settled();

    const failed = await api.webhooks.deliveries(sub.id);
    expect(failed.data).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'failed', status_code: 500 }),
    ]);
    expect(await admin('/admin/v1/clock/advance', { seconds: 30 })).toMatchObject({ status: 200 });
    const [first, second] = await r.waitFor(2);
    expect(second!.event.id).toBe(first!.event.id);
    expect(second!.event).toMatchObject({ type: 'return.ready', subject: { id: rma.id } });
    await server.delivery.settled();
    const all = await api.webhooks.deliveries(sub.id);
    expect(all.data.map((a) => [a.attempt, a.outcome])).toEqual([
      [2, 'delivered'],
      [1, 'failed'],
    ]);
    const onlyDelivered = await api.webhooks.deliveries(sub.id, { outcome: 'delivered', limit: 1 });
    expect(onlyDelivered).toMatchObject({ data: [{ attempt: 2 }], has_more: false });
  });

  it('replays a window of the event log and sends test events over HTTP', async () => {
    const { api_key: key } = await server.createApiClient();
    const api = createReturnsClient({ baseUrl: server.url, apiKey: key });
    const rma = await newReturn(api);
    await admin(`/admin/v1/rmas/${rma.id}/transitions`, { to: 'APPROVED' });
    const [first] = (await api.events.list({ subject_id: rma.id })).data.slice(-1);
    const sub = await api.webhooks.create({ url: r.url, events: ['return.created'] });

    const { replayed } = await api.webhooks.replay(sub.id, {
      start_time: first!.created_at,
      end_time: new Date(server.clock.now()).toISOString(),
    });
    expect(replayed).toBe(1);
    const [got] = await r.waitFor(1);
    expect(got!.event).toMatchObject({ id: first!.id, type: 'return.created', replay: true });

    const { event } = await api.webhooks.test(sub.id, { type: 'rma.breach' });
    expect((await r.waitFor(2))[1]!.event).toMatchObject({ id: event.id, type: 'rma.breach', test: true });
    // No body at all: the type defaults to return.created.
    const bare = await fetch(`${server.url}/external/v1/webhooks/${sub.id}/test`, {
      method: 'POST',
      headers: { 'x-api-key': key },
    });
    expect(bare.status).toBe(200);
    expect((await r.waitFor(3))[2]!.event).toMatchObject({ type: 'return.created', test: true });
  });
});
