import { ErrorBody } from '@returns-pack/shared-client';
import type { Harness } from './helpers/harness';
import { startHarness, tradeReturnBody } from './helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** No answer may carry a stack trace or a file path. */
const expectNoInternals = (body: unknown) =>
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules/);

test('unknown body fields are refused, each named, nested ones with their path', async () => {
  const res = await h.api.post(
    '/external/v1/trade-returns',
    tradeReturnBody({
      customer: { email: 'a@example.com', phone: '1' },
      items: [{ sku: 'A', quantity: 1, color: 'red' }],
      priority: 'high',
    }),
  );
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(res.body.error.details).toEqual(
    expect.arrayContaining([
      { path: 'customer.phone', message: 'is not a known field' },
      { path: 'items.0.color', message: 'is not a known field' },
      { path: 'priority', message: 'is not a known field' },
    ]),
  );
  expect(res.body.error.message).toContain('priority');
});

test('unknown query fields are refused and named, on lists and on routes without a query', async () => {
  const list = await h.api.get('/external/v1/rmas?limit=5&sort=asc');
  expect(list.status).toBe(400);
  expect(list.body.error.details).toEqual([{ path: 'sort', message: 'is not a known field' }]);
  const kindOnKindList = await h.api.get('/external/v1/trade-returns?kind=trade_return');
  expect(kindOnKindList.body.error.details).toEqual([{ path: 'kind', message: 'is not a known field' }]);
  const one = await h.api.get('/external/v1/rmas/rma_abc?expand=items');
  expect(one.status).toBe(400);
  expect(one.body.error.details).toEqual([{ path: 'expand', message: 'is not a known field' }]);
});

test('malformed JSON is 400 validation_failed', async () => {
  const res = await h.api.post('/external/v1/trade-returns', undefined, {
    raw: '{"customer": {',
    headers: { 'content-type': 'application/json' },
  });
  expect(res.status).toBe(400);
  expect(res.body.error).toEqual({
    code: 'validation_failed',
    message: 'Request body is not valid JSON',
    details: [{ path: 'body', message: 'is not valid JSON' }],
  });
  expectNoInternals(res.body);
});

test('an empty JSON body and a JSON array are refused with the contract body', async () => {
  const empty = await h.api.post('/external/v1/trade-returns', undefined, {
    raw: '',
    headers: { 'content-type': 'application/json' },
  });
  expect(empty.status).toBe(400);
  expect(empty.body.error.code).toBe('validation_failed');
  const array = await h.api.post('/external/v1/trade-returns', [tradeReturnBody()]);
  expect(array.status).toBe(400);
  expect(array.body.error.details[0].path).toBe('body');
});

test('a prototype-poisoning body is refused, not merged', async () => {
  const res = await h.api.post('/external/v1/trade-returns', undefined, {
    raw: '{"__proto__": {"admin": true}, "customer": {"email": "a@example.com"}, "items": [{"sku": "A", "quantity": 1}]}',
    headers: { 'content-type': 'application/json' },
  });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
});

test.each([
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
])('content type %s is 415 with the contract body, never an HTML page', async (contentType) => {
  const res = await h.api.post('/external/v1/trade-returns', undefined, {
    raw: 'customer=a',
    headers: { 'content-type': contentType },
  });
  expect(res.status).toBe(415);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.body.error).toEqual({
    code: 'validation_failed',
    message: 'Content-Type must be application/json',
    details: [{ path: 'Content-Type', message: 'must be application/json' }],
  });
});

test('application/json with a charset is fine', async () => {
  const res = await h.api.post('/external/v1/trade-returns', tradeReturnBody(), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  expect(res.status).toBe(201);
});

test('a body over 256 KiB is 413 payload_too_large, whatever the route', async () => {
  const big = tradeReturnBody({ metadata: { blob: 'x'.repeat(300 * 1024) } });
  for (const api of [h.api, h.admin]) {
    const path = api === h.api ? '/external/v1/trade-returns' : '/admin/v1/api-clients';
    const res = await api.post(path, big);
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      code: 'payload_too_large',
      message: 'Request body exceeds the limit of 262144 bytes',
    });
  }
});

test('an unknown route is 404 not_found in the contract body, for any method', async () => {
  for (const method of ['GET', 'POST', 'DELETE', 'PUT']) {
    const res = await fetch(`${h.server.url}/external/v1/refunds?x=secret`, {
      method,
      headers: { 'x-api-key': h.client.api_key },
    });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(ErrorBody.parse(body)).toEqual({
      error: { code: 'not_found', message: `No route ${method} /external/v1/refunds` },
    });
  }
});

test('a malformed Idempotency-Key is refused by name', async () => {
  const res = await h.api.post('/external/v1/trade-returns', tradeReturnBody(), {
    headers: { 'idempotency-key': 'has spaces in it' },
  });
  expect(res.status).toBe(400);
  expect(res.body.error.details).toEqual([
    { path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
  ]);
});

test('a failure inside a handler is 500 internal with a fixed message, nothing of the error', async () => {
  const rmas = h.server.services.rmas;
  const original = rmas.createTradeReturn.bind(rmas);
  rmas.createTradeReturn = () => {
    throw new Error('database password is hunter2');
  };
  try {
    const res = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
  } finally {
    rmas.createTradeReturn = original;
  }
});
