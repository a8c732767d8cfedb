import {
  AuthError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ResponseValidationError,
  ValidationError,
  createReturnsClient,
  fetchTransport,
} from '../../src';
import { startWithClient, tradeReturnBody } from './mock-server';
import type { MockServer } from './mock-server';
import type { ReturnsClient } from '../../src';

let server: MockServer;
let client: ReturnsClient;
let apiKey: string;
let clientId: string;

beforeAll(async () => {
  let credentials;
  ({ server, client, credentials } = await startWithClient({ rateLimit: 3 }));
  apiKey = credentials.api_key;
  clientId = credentials.id;
});
afterAll(() => server.close());

it('refuses bad input before sending, naming each field', async () => {
  const sent: unknown[] = [];
  const local = createReturnsClient({
    baseUrl: server.url,
    apiKey,
    transport: async (req) => {
      sent.push(req);
      return fetchTransport(req);
    },
  });
  const error = await local.tradeReturns
    .create({ customer: { email: 'not-an-email' }, items: [] } as never)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fields).toEqual(expect.arrayContaining(['customer.email', 'items']));
  expect((error as Error).message).toContain('customer.email');
  await expect(local.rmas.get('not an id')).rejects.toThrow(/id/);
  await expect(local.rmas.list({ limit: 500 })).rejects.toBeInstanceOf(ValidationError);
  expect(sent).toHaveLength(0);
});

it('surfaces the server’s own validation errors with their field paths', async () => {
  // A raw transport call bypasses local validation: the server must still name the field.
  const response = await fetchTransport({
    method: 'POST',
    url: `${server.url}/external/v1/trade-returns`,
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ ...tradeReturnBody(), surprise: 1 }),
  });
  expect(response.status).toBe(400);
  expect(String(response.body)).toContain('surprise');
});

it('maps 401 to AuthError, also for a key revoked a moment ago', async () => {
  const wrong = createReturnsClient({ baseUrl: server.url, apiKey: 'rk_wrong' });
  await expect(wrong.rmas.list()).rejects.toBeInstanceOf(AuthError);

  const fresh = await server.createApiClient({ name: 'to revoke' });
  const revocable = createReturnsClient({ baseUrl: server.url, apiKey: fresh.api_key });
  await expect(revocable.rmas.list()).resolves.toHaveProperty('data');
  const revoked = await fetch(`${server.url}/admin/v1/api-clients/${fresh.id}/revoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  expect(revoked.status).toBe(200);
  await expect(revocable.rmas.list()).rejects.toBeInstanceOf(AuthError);
});

it('maps 404 to NotFoundError', async () => {
  await expect(client.rmas.get('rma_doesnotexist')).rejects.toBeInstanceOf(NotFoundError);
});

it('maps the creation limit to RateLimitedError with the server’s Retry-After', async () => {
  const limited = await server.createApiClient({ name: 'rate limited' });
  const own = createReturnsClient({ baseUrl: server.url, apiKey: limited.api_key });
  for (let n = 0; n < 3; n++) await own.tradeReturns.create(tradeReturnBody(n));
  const error = await own.tradeReturns.create(tradeReturnBody(4)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitedError);
  expect((error as RateLimitedError).retryAfter).toBeGreaterThan(0);
  expect((error as RateLimitedError).retryAfter).toBeLessThanOrEqual(60);
  // Reads stay unthrottled.
  await expect(own.rmas.list()).resolves.toHaveProperty('data');
  expect(clientId).not.toBe(limited.id);
});

it('sends an Idempotency-Key so a retried create returns the first RMA', async () => {
  const key = `retry-${Date.now()}`;
  const first = await client.offlineRepairs.create(
    { serial: 'SN-IDEM', fault_description: 'No power', customer_email: 'idem@example.com' },
    { idempotencyKey: key },
  );
  const again = await client.offlineRepairs.create(
    { serial: 'SN-IDEM', fault_description: 'No power', customer_email: 'idem@example.com' },
    { idempotencyKey: key },
  );
  expect(again.id).toBe(first.id);
});

it('rejects a success answer that does not match the contract', async () => {
  const tampering = createReturnsClient({
    baseUrl: server.url,
    apiKey,
    transport: async (req) => {
      const res = await fetchTransport(req);
      const body = JSON.parse(String(res.body));
      body.data[0].status = 'TELEPORTED';
      return { ...res, body: JSON.stringify(body) };
    },
  });
  const error = await tampering.rmas.list().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ResponseValidationError);
  expect((error as ResponseValidationError).details[0]?.path).toBe('data.0.status');
});

it('reports an unreachable server as NetworkError without the API key', async () => {
  const closed = await startWithClient();
  const url = closed.server.url;
  await closed.server.close();
  const secretKey = 'rk_secret_value_that_must_not_leak';
  const offline = createReturnsClient({
    baseUrl: url,
    apiKey: secretKey,
    transport: async () => {
      throw new Error(`connect ECONNREFUSED (config had ${secretKey})`);
    },
  });
  const error = await offline.rmas.list().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as Error).message).toContain(url);
  expect((error as Error).message).not.toContain(secretKey);

  const realOffline = createReturnsClient({ baseUrl: url, apiKey: secretKey });
  await expect(realOffline.rmas.list()).rejects.toBeInstanceOf(NetworkError);
});

it('refuses client options without a usable base URL or key', () => {
  expect(() => createReturnsClient({ baseUrl: 'ftp://x', apiKey: 'k' })).toThrow(/baseUrl/);
  expect(() => createReturnsClient({ baseUrl: 'http://127.0.0.1:1', apiKey: '' })).toThrow(/apiKey/);
});
