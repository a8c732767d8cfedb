import type { MockServer } from '../../src/server';
import { startFrozenServer } from './helpers/frozen-server';

/**
 * Bursts of parallel requests over real sockets: each request its own connection in flight at
 * the same time as the others, so the idempotency guard and the rate limiter see true concurrency.
 */
const body = { customer: { email: 'ada@example.com' }, items: [{ sku: 'A', quantity: 1 }] };

async function create(server: MockServer, key: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/external/v1/trade-returns`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { id?: string } };
}

const burst = <T>(n: number, make: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_v, i) => make(i)));

describe('idempotency under a burst', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startFrozenServer({ rateLimit: false });
  });
  afterAll(() => server.close());

  it('100 parallel creates with one Idempotency-Key make one RMA and one event; all get its answer', async () => {
    const { api_key } = await server.createApiClient();
    const rmas = server.services.rmas.count();
    const answers = await burst(100, () => create(server, api_key, { 'idempotency-key': 'order-burst' }));
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(99);
    expect(server.services.rmas.count()).toBe(rmas + 1);
    const created = server.services.events.list({ limit: 100, subject_id: answers[0]!.body.id });
    expect(created.data.map((e) => e.type)).toEqual(['return.created']);
  });

  it('10 keys × 20 parallel requests each make exactly 10 RMAs', async () => {
    const { api_key } = await server.createApiClient();
    const rmas = server.services.rmas.count();
    const answers = await burst(200, (i) => create(server, api_key, { 'idempotency-key': `k-${i % 10}` }));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const idsByKey = new Map<number, Set<string>>();
    answers.forEach((a, i) => idsByKey.set(i % 10, (idsByKey.get(i % 10) ?? new Set()).add(a.body.id!)));
    expect([...idsByKey.values()].map((ids) => ids.size)).toEqual(Array(10).fill(1));
    expect(server.services.rmas.count()).toBe(rmas + 10);
  });
});

describe('the creation rate limit under a burst', () => {
  const LIMIT = 30;
  const WINDOW = 60;
  let server: MockServer;
  beforeAll(async () => {
    server = await startFrozenServer({ rateLimit: LIMIT, rateLimitWindowSeconds: WINDOW });
  });
  afterAll(() => server.close());

  it('a parallel burst of 100 gets exactly 30 through; the rest 429 with Retry-After; two clients do not share a budget', async () => {
    const [a, b] = [await server.createApiClient(), await server.createApiClient()];
    const rmas = server.services.rmas.count();
    // Both clients at once, interleaved.
    const answers = await burst(200, (i) => create(server, i % 2 ? a.api_key : b.api_key));
    for (const key of [a.api_key, b.api_key]) {
      const mine = answers.filter((_x, i) => (i % 2 ? a.api_key : b.api_key) === key);
      expect(mine.filter((x) => x.status === 201)).toHaveLength(LIMIT);
      const refused = mine.filter((x) => x.status === 429);
      expect(refused).toHaveLength(100 - LIMIT);
      for (const r of refused) {
        // The window opened at the frozen instant of the burst: a full window remains.
        expect(r.headers.get('retry-after')).toBe(String(WINDOW));
        expect(r.headers.get('ratelimit-limit')).toBe(String(LIMIT));
        expect(r.headers.get('ratelimit-remaining')).toBe('0');
        expect(r.headers.get('ratelimit-reset')).toBe(String(WINDOW));
      }
      // Every remaining count from 29 down to 0 was handed out once.
      const remaining = mine
        .filter((x) => x.status === 201)
        .map((x) => Number(x.headers.get('ratelimit-remaining')));
      expect(remaining.sort((x, y) => x - y)).toEqual(Array.from({ length: LIMIT }, (_v, i) => i));
    }
    expect(server.services.rmas.count()).toBe(rmas + 2 * LIMIT);

    // Retry-After is exact: one second short is still refused, Retry-After itself is enough.
    server.clock.advance(WINDOW - 1);
    expect((await create(server, a.api_key)).status).toBe(429);
    server.clock.advance(1);
    const again = await burst(40, () => create(server, a.api_key));
    expect(again.filter((x) => x.status === 201)).toHaveLength(LIMIT);
    // A third client, starting now, was never touched by the others' bursts.
    const c = await server.createApiClient();
    expect((await create(server, c.api_key)).headers.get('ratelimit-remaining')).toBe(String(LIMIT - 1));
  });

  it('reads are not limited during a burst of creations', async () => {
    const { api_key } = await server.createApiClient();
    const [creates, reads] = await Promise.all([
      burst(60, () => create(server, api_key)),
      burst(60, () => fetch(`${server.url}/external/v1/rmas?limit=1`, { headers: { 'x-api-key': api_key } })),
    ]);
    expect(creates.filter((x) => x.status === 201)).toHaveLength(LIMIT);
    expect(reads.map((r) => r.status)).toEqual(Array(60).fill(200));
  });
});
