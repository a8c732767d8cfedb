import { startHarness, tradeReturnBody } from '../helpers/harness';
import type { Harness, Json } from '../helpers/harness';
import { startReceiver } from '../delivery/helpers/receiver';
import type { Receiver } from '../delivery/helpers/receiver';

/** The admin routes the developer console reads: every API client's webhooks and deliveries. */
let h: Harness;
let receiver: Receiver;

beforeEach(async () => {
  h = await startHarness();
  receiver = await startReceiver((_r, i) => ({ status: i % 2 === 0 ? 200 : 503, body: `answer ${i}` }));
});
afterEach(async () => {
  await h.close();
  await receiver.close();
});

/** A second API client with its own subscription to one event type, made through the external API. */
async function secondClientSubscription(events: string[]) {
  const other = await h.server.createApiClient({ name: 'other integration' });
  const answer = await h.api
    .as({ 'x-api-key': other.api_key })
    .post('/external/v1/webhooks', { url: receiver.url, events });
  expect(answer.status).toBe(201);
  return { client: other, webhook: answer.body };
}

async function createdReturn(): Promise<Json> {
  const answer = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
  expect(answer.status).toBe(201);
  return answer.body;
}

test('every admin console route wants the admin token', async () => {
  for (const path of ['/admin/v1/webhooks', '/admin/v1/deliveries', '/admin/v1/rmas']) {
    expect((await h.anonymous.get(path)).status).toBe(401);
    expect((await h.api.get(path)).status).toBe(401);
  }
  const resend = await h.api.post('/admin/v1/webhooks/wh_x/resend', { event_id: 'evt_x' });
  expect(resend.body.error.code).toBe('unauthorized');
});

test("lists every client's subscriptions, newest first, with the owner and without secrets", async () => {
  const mine = await h.admin.post('/admin/v1/api-clients', { name: 'with url', webhook_url: receiver.url });
  const { client: other, webhook } = await secondClientSubscription(['return.created']);

  const page = await h.admin.get('/admin/v1/webhooks');
  expect(page.status).toBe(200);
  expect(page.body.data.map((s: Json) => [s.id, s.api_client_id])).toEqual([
    [webhook.id, other.id],
    [mine.body.webhook_id, mine.body.id],
  ]);
  expect(page.body.data[1]).toMatchObject({ events: ['*'], scheme: 'hmac-sha256', retry_policy: 'none' });
  expect(JSON.stringify(page.body)).not.toContain(webhook.secret);
  expect(page.body.data[0]).not.toHaveProperty('secret');
});

test('merges the delivery logs newest first, and filters by subscription, outcome and event', async () => {
  const mine = (await h.admin.post('/admin/v1/api-clients', { name: 'mine', webhook_url: receiver.url }))
    .body;
  const { webhook } = await secondClientSubscription(['return.created']);
  const rma = await createdReturn();
  await h.admin.post(`/admin/v1/rmas/${rma.id}/transitions`, { to: 'APPROVED' });
  await receiver.waitFor(3);
  await h.server.delivery.settled();

  const all = (await h.admin.get('/admin/v1/deliveries')).body;
  expect(all.data).toHaveLength(3);
  expect(all.data.map((a: Json) => a.at)).toEqual(
    all.data
      .map((a: Json) => a.at)
      .sort()
      .reverse(),
  );
  expect(new Set(all.data.map((a: Json) => a.webhook_id))).toEqual(new Set([mine.webhook_id, webhook.id]));
  expect(all.has_more).toBe(false);

  const theirs = (await h.admin.get(`/admin/v1/deliveries?webhook_id=${webhook.id}`)).body;
  expect(theirs.data.map((a: Json) => a.event_type)).toEqual(['return.created']);

  // The receiver answers 200, 503, 200; without retries, the failed attempt is given up at once.
  const failed = (await h.admin.get('/admin/v1/deliveries?outcome=given_up')).body;
  expect(failed.data).toHaveLength(1);
  expect(failed.data[0]).toMatchObject({ status_code: 503, response_snippet: 'answer 1' });
  expect((await h.admin.get('/admin/v1/deliveries?outcome=delivered')).body.data).toHaveLength(2);

  const created = all.data.find((a: Json) => a.event_type === 'return.created').event_id;
  const ofEvent = (await h.admin.get(`/admin/v1/deliveries?event_id=${created}`)).body;
  expect(ofEvent.data).toHaveLength(2);

  const two = (await h.admin.get('/admin/v1/deliveries?limit=2')).body;
  expect(two).toMatchObject({ has_more: true, next_cursor: null });
  expect(two.data).toEqual(all.data.slice(0, 2));
});

test('refuses unknown delivery filters by name, and an unknown subscription as not found', async () => {
  const cursor = await h.admin.get('/admin/v1/deliveries?cursor=abc');
  expect(cursor.status).toBe(400);
  expect(cursor.body.error.details.map((d: Json) => d.path)).toContain('cursor');
  const limit = await h.admin.get('/admin/v1/deliveries?limit=500');
  expect(limit.body.error.details.map((d: Json) => d.path)).toEqual(['limit']);
  const unknown = await h.admin.get('/admin/v1/deliveries?webhook_id=wh_nope');
  expect(unknown.status).toBe(404);
});

test("replays a window to another client's subscription, same ids, flagged replay", async () => {
  const { webhook } = await secondClientSubscription(['return.created']);
  const rma = await createdReturn();
  const [original] = await receiver.waitFor(1);
  const window = {
    start_time: rma.created_at,
    end_time: new Date(h.server.clock.now() + 1000).toISOString(),
  };

  const answer = await h.admin.post(`/admin/v1/webhooks/${webhook.id}/replay`, window);
  expect(answer.body).toEqual({ replayed: 1 });
  const [, replayed] = await receiver.waitFor(2);
  expect(replayed!.event).toMatchObject({ id: original!.event.id, replay: true });

  expect((await h.admin.post('/admin/v1/webhooks/wh_nope/replay', window)).status).toBe(404);
  const backwards = await h.admin.post(`/admin/v1/webhooks/${webhook.id}/replay`, {
    start_time: window.end_time,
    end_time: window.start_time,
  });
  expect(backwards.body.error.details).toEqual([{ path: 'end_time', message: expect.any(String) }]);
});

test('resends one logged event, same id, flagged replay; refuses what the subscription does not receive', async () => {
  const { webhook } = await secondClientSubscription(['return.created']);
  const rma = await createdReturn();
  const [original] = await receiver.waitFor(1);

  const answer = await h.admin.post(`/admin/v1/webhooks/${webhook.id}/resend`, {
    event_id: original!.event.id,
  });
  expect(answer.status).toBe(200);
  expect(answer.body.event).toMatchObject({ id: original!.event.id, type: 'return.created', replay: true });
  const [, resent] = await receiver.waitFor(2);
  expect(resent!.event).toMatchObject({ id: original!.event.id, replay: true });

  const approved = (await h.admin.post(`/admin/v1/rmas/${rma.id}/transitions`, { to: 'APPROVED' })).body;
  const events = (await h.api.get(`/external/v1/events?subject_id=${approved.id}`)).body.data;
  const ready = events.find((e: Json) => e.type !== 'return.created');
  const refused = await h.admin.post(`/admin/v1/webhooks/${webhook.id}/resend`, { event_id: ready.id });
  expect(refused.status).toBe(409);
  expect(refused.body.error.message).toContain(ready.type);

  const unknownEvent = await h.admin.post(`/admin/v1/webhooks/${webhook.id}/resend`, {
    event_id: 'evt_nope',
  });
  expect(unknownEvent.status).toBe(404);
  const unknownHook = await h.admin.post('/admin/v1/webhooks/wh_nope/resend', {
    event_id: original!.event.id,
  });
  expect(unknownHook.status).toBe(404);
  const malformed = await h.admin.post(`/admin/v1/webhooks/${webhook.id}/resend`, { event_id: 'nope' });
  expect(malformed.body.error.details.map((d: Json) => d.path)).toEqual(['event_id']);
});

test('lists RMAs with the statuses each may move to next, following the status machine', async () => {
  const rma = await createdReturn();
  const repair = (
    await h.api.post('/external/v1/offline-repairs', {
      serial: 'SN-1',
      fault_description: 'Does not charge',
      customer_email: 'grace@example.com',
    })
  ).body;

  const page = (await h.admin.get('/admin/v1/rmas')).body;
  expect(page.data.map((r: Json) => [r.id, r.next_statuses])).toEqual([
    [repair.id, ['IN_REPAIR', 'CANCELED']],
    [rma.id, ['APPROVED', 'CANCELED', 'PAUSED']],
  ]);

  await h.admin.post(`/admin/v1/rmas/${rma.id}/transitions`, { to: 'PAUSED' });
  const paused = (await h.admin.get('/admin/v1/rmas?kind=trade_return')).body.data;
  expect(paused.map((r: Json) => [r.status, r.next_statuses])).toEqual([
    ['PAUSED', ['REQUESTED', 'CANCELED']],
  ]);

  const bad = await h.admin.get('/admin/v1/rmas?status=LOST');
  expect(bad.body.error.details.map((d: Json) => d.path)).toEqual(['status']);
});
