import type { Harness } from './helpers/harness';
import { offlineRepairBody, startHarness, tradeReturnBody } from './helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: false });
});
afterAll(() => h.close());

const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });
const countRmas = () => h.server.services.rmas.count();

test('the same key and body return the first answer, flagged, and make one RMA', async () => {
  const before = countRmas();
  const first = await h.api.post('/external/v1/trade-returns', tradeReturnBody(), withKey('order-1001'));
  expect(first.status).toBe(201);
  expect(first.headers.get('idempotent-replayed')).toBeNull();

  const again = await h.api.post('/external/v1/trade-returns', tradeReturnBody(), withKey('order-1001'));
  expect(again.status).toBe(201);
  expect(again.body).toEqual(first.body);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(countRmas()).toBe(before + 1);
});

test('key order and whitespace in the body do not make it a different request', async () => {
  const first = await h.api.post('/external/v1/offline-repairs', offlineRepairBody(), withKey('pos-7'));
  const reordered = JSON.stringify({
    customer_email: 'grace@example.com',
    fault_description: 'Does not charge',
    serial: 'SN-1',
  }).replace(/,/g, ',  ');
  const again = await h.api.post('/external/v1/offline-repairs', undefined, {
    raw: reordered,
    headers: { 'idempotency-key': 'pos-7', 'content-type': 'application/json' },
  });
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(again.body.id).toBe(first.body.id);
});

test('the same key with a different body is 409 conflict', async () => {
  await h.api.post('/external/v1/trade-returns', tradeReturnBody(), withKey('order-2002'));
  const before = countRmas();
  const res = await h.api.post(
    '/external/v1/trade-returns',
    tradeReturnBody({ external_reference: 'something else' }),
    withKey('order-2002'),
  );
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('conflict');
  expect(res.body.error.details).toEqual([
    { path: 'Idempotency-Key', message: 'was already used with a different request body' },
  ]);
  expect(countRmas()).toBe(before);
});

test('the same key on the other creation route is a different request: 409', async () => {
  await h.api.post('/external/v1/trade-returns', tradeReturnBody(), withKey('shared-key'));
  const res = await h.api.post('/external/v1/offline-repairs', offlineRepairBody(), withKey('shared-key'));
  expect(res.status).toBe(409);
});

test('keys are scoped per API client', async () => {
  const mine = await h.api.post('/external/v1/trade-returns', tradeReturnBody(), withKey('k-1'));
  const other = await h.server.createApiClient();
  const theirs = await h.api
    .as({ 'x-api-key': other.api_key })
    .post('/external/v1/trade-returns', tradeReturnBody(), withKey('k-1'));
  expect(theirs.status).toBe(201);
  expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  expect(theirs.body.id).not.toBe(mine.body.id);
});

test('concurrent requests with one key make one RMA, and all get its answer', async () => {
  const before = countRmas();
  const events = h.server.services.events.list({ limit: 100, type: 'return.created' }).data.length;
  const answers = await Promise.all(
    Array.from({ length: 12 }, () =>
      h.api.post('/external/v1/trade-returns', tradeReturnBody(), withKey('burst-1')),
    ),
  );
  expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
  expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
  expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(11);
  expect(countRmas()).toBe(before + 1);
  expect(h.server.services.events.list({ limit: 100, type: 'return.created' }).data.length).toBe(events + 1);
});

test('a request refused by validation keeps no answer: the key is still free', async () => {
  const invalid = await h.api.post('/external/v1/trade-returns', { items: [] }, withKey('fix-and-retry'));
  expect(invalid.status).toBe(400);
  const fixed = await h.api.post('/external/v1/trade-returns', tradeReturnBody(), withKey('fix-and-retry'));
  expect(fixed.status).toBe(201);
  expect(fixed.headers.get('idempotent-replayed')).toBeNull();
});

test('a kept answer expires after 24 hours of the server clock', async () => {
  const first = await h.api.post('/external/v1/trade-returns', tradeReturnBody(), withKey('daily'));
  h.server.clock.advance(86_400);
  const later = await h.api.post('/external/v1/trade-returns', tradeReturnBody(), withKey('daily'));
  expect(later.status).toBe(201);
  expect(later.body.id).not.toBe(first.body.id);
});
