import { RATE_LIMIT_POLICY, RateLimitedError, createReturnsClient } from '../../src';
import { startWithClient, tradeReturnBody } from './mock-server';
import type { MockServer } from './mock-server';

let server: MockServer;

beforeAll(async () => {
  ({ server } = await startWithClient({ rateLimit: 3 }));
});
afterAll(() => server.close());

/** The pacer sleeps on the mock's test clock, so a minute's wait costs nothing and is exact. */
async function pacedClient(limit: number) {
  const { api_key } = await server.createApiClient({ name: `paced ${limit}` });
  const waits: number[] = [];
  const client = createReturnsClient({
    baseUrl: server.url,
    apiKey: api_key,
    pace: {
      limit,
      now: () => server.clock.now(),
      sleep: async (ms) => {
        waits.push(ms);
        server.clock.advance(Math.ceil(ms / 1000));
      },
    },
  });
  return { client, waits };
}

it('keeps a bulk run under the creation limit instead of failing on the 4th', async () => {
  const { client, waits } = await pacedClient(3);
  const created = [];
  for (let n = 0; n < 7; n++) created.push(await client.tradeReturns.create(tradeReturnBody(n)));
  expect(new Set(created.map((r) => r.id)).size).toBe(7);
  expect(waits.length).toBeGreaterThanOrEqual(2);
});

it('waits out the server’s Retry-After when the server’s limit is lower than the pacer’s', async () => {
  const { client, waits } = await pacedClient(30);
  const created = [];
  for (let n = 0; n < 5; n++)
    created.push(
      await client.offlineRepairs.create({
        serial: `SN-P${n}`,
        fault_description: 'Cracked',
        customer_email: 'pace@example.com',
      }),
    );
  expect(created).toHaveLength(5);
  // The 4th creation met a 429 and waited what the server said, then went through.
  expect(waits[0]).toBeGreaterThan(0);
  expect(waits[0]).toBeLessThanOrEqual(60_000);
});

it('without the pacer, the 4th creation is a RateLimitedError', async () => {
  const { api_key } = await server.createApiClient({ name: 'unpaced' });
  const client = createReturnsClient({ baseUrl: server.url, apiKey: api_key });
  for (let n = 0; n < 3; n++) await client.tradeReturns.create(tradeReturnBody(n));
  await expect(client.tradeReturns.create(tradeReturnBody(9))).rejects.toBeInstanceOf(RateLimitedError);
});

it('under the catalogue’s 429 policy, a Retry-After longer than its maximum wait surfaces at once', async () => {
  const { api_key } = await server.createApiClient({ name: 'policy' });
  const waits: number[] = [];
  const client = createReturnsClient({
    baseUrl: server.url,
    apiKey: api_key,
    // A pacer that allows more than the server does, so only the server's 429 can stop the 4th.
    pace: { ...RATE_LIMIT_POLICY, limit: 30, sleep: async (ms) => void waits.push(ms) },
  });
  for (let n = 0; n < 3; n++) await client.tradeReturns.create(tradeReturnBody(n));
  // The server's window has most of a minute left: more than the policy's 20 s.
  const refused = await client.tradeReturns.create(tradeReturnBody(9)).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(RateLimitedError);
  expect((refused as RateLimitedError).retryAfter).toBeGreaterThan(RATE_LIMIT_POLICY.maxWaitSeconds);
  expect(waits).toEqual([]);
});
