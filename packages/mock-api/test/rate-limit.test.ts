import type { Harness } from './helpers/harness';
import { offlineRepairBody, startHarness, tradeReturnBody } from './helpers/harness';

describe('30 creations a minute per API client (the default)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('the 31st creation is 429 with Retry-After and RateLimit-*, and the window runs on the test clock', async () => {
    for (let i = 1; i <= 30; i++) {
      // Both creation routes draw on one budget.
      const res =
        i % 2
          ? await h.api.post('/external/v1/trade-returns', tradeReturnBody())
          : await h.api.post('/external/v1/offline-repairs', offlineRepairBody());
      expect(res.status).toBe(201);
      expect(res.headers.get('ratelimit-limit')).toBe('30');
      expect(res.headers.get('ratelimit-remaining')).toBe(String(30 - i));
    }

    const refused = await h.api.post('/external/v1/offline-repairs', offlineRepairBody());
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe('30');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(refused.body.error.message).toContain(`retry in ${retryAfter} s`);

    // Reads are never throttled, and carry no rate-limit headers.
    const read = await h.api.get('/external/v1/rmas?limit=1');
    expect(read.status).toBe(200);
    expect(read.headers.get('ratelimit-limit')).toBeNull();

    // Another client of the same shop has its own budget.
    const other = await h.server.createApiClient();
    const theirs = await h.api
      .as({ 'x-api-key': other.api_key })
      .post('/external/v1/trade-returns', tradeReturnBody());
    expect(theirs.status).toBe(201);

    // One second short of Retry-After is still refused; Retry-After itself is enough.
    h.server.clock.advance(retryAfter - 1);
    expect((await h.api.post('/external/v1/trade-returns', tradeReturnBody())).status).toBe(429);
    h.server.clock.advance(1);
    const again = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    expect(again.status).toBe(201);
    expect(again.headers.get('ratelimit-remaining')).toBe('29');
  });

  test('unauthenticated creations are 401, not counted against anyone', async () => {
    for (let i = 0; i < 35; i++) {
      expect((await h.anonymous.post('/external/v1/trade-returns', tradeReturnBody())).status).toBe(401);
    }
  });
});

test('the limit is configurable at start-up', async () => {
  const h = await startHarness({ rateLimit: 2, rateLimitWindowSeconds: 10 });
  try {
    expect((await h.api.post('/external/v1/trade-returns', tradeReturnBody())).status).toBe(201);
    expect((await h.api.post('/external/v1/trade-returns', tradeReturnBody())).status).toBe(201);
    const refused = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-limit')).toBe('2');
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(10);
  } finally {
    await h.close();
  }
});

test('rateLimit: false switches it off', async () => {
  const h = await startHarness({ rateLimit: false });
  try {
    for (let i = 0; i < 35; i++) {
      const res = await h.api.post('/external/v1/offline-repairs', offlineRepairBody());
      expect(res.status).toBe(201);
      expect(res.headers.get('ratelimit-limit')).toBeNull();
    }
  } finally {
    await h.close();
  }
});
