import type { Rma } from '@returns-pack/shared-client';
import type { Answer, Api, Harness } from './helpers/harness';
import { offlineRepairBody, startHarness, tradeReturnBody } from './helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: false, slaSeconds: 1000 });
});
afterAll(() => h.close());

const ids = (page: { data: Rma[] }) => page.data.map((r) => r.id);

/** Every page of a list, following `next_cursor`, with `between` run after each page. */
async function walk(api: Api, path: string, between: () => Promise<unknown> = async () => undefined) {
  const seen: Rma[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: Answer = await api.get(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    expect(res.status).toBe(200);
    expect(res.body.next_cursor === null).toBe(!res.body.has_more);
    seen.push(...res.body.data);
    cursor = res.body.next_cursor;
    await between();
  } while (cursor);
  return seen;
}

describe('filters', () => {
  const created: Record<string, Rma> = {};
  let midpoint: string;

  beforeAll(async () => {
    const post = async (path: string, body: object) => (await h.api.post(path, body)).body as Rma;
    created.early = await post(
      '/external/v1/trade-returns',
      tradeReturnBody({ customer: { email: 'Early@Example.com' } }),
    );
    created.repairEarly = await post(
      '/external/v1/offline-repairs',
      offlineRepairBody({ customer_email: 'early@example.com' }),
    );
    // Breach the first two, then move on: the rest are created after `midpoint`.
    await h.admin.post('/admin/v1/clock/advance', { seconds: 1000 });
    midpoint = (await h.admin.get('/admin/v1/clock')).body.now;
    await h.admin.post('/admin/v1/clock/advance', { seconds: 10 });
    created.late = await post(
      '/external/v1/trade-returns',
      tradeReturnBody({ customer: { email: 'late@example.com' } }),
    );
    created.repairLate = await post(
      '/external/v1/offline-repairs',
      offlineRepairBody({ customer_email: 'late@example.com' }),
    );
    await h.admin.post(`/admin/v1/rmas/${created.late.id}/transitions`, { to: 'APPROVED' });
  });

  const list = async (path: string) => ids((await h.api.get(path)).body);

  test('newest first, default limit 25', async () => {
    expect(await list('/external/v1/rmas')).toEqual([
      created.repairLate!.id,
      created.late!.id,
      created.repairEarly!.id,
      created.early!.id,
    ]);
  });

  test('per-kind lists hold only their kind; /rmas filters by kind', async () => {
    expect(await list('/external/v1/trade-returns')).toEqual([created.late!.id, created.early!.id]);
    expect(await list('/external/v1/offline-repairs')).toEqual([
      created.repairLate!.id,
      created.repairEarly!.id,
    ]);
    expect(await list('/external/v1/rmas?kind=offline_repair')).toEqual([
      created.repairLate!.id,
      created.repairEarly!.id,
    ]);
  });

  test('status', async () => {
    expect(await list('/external/v1/rmas?status=APPROVED')).toEqual([created.late!.id]);
    expect(await list('/external/v1/trade-returns?status=REQUESTED')).toEqual([created.early!.id]);
    expect(await list('/external/v1/offline-repairs?status=COUNTER_SWAPPED')).toEqual([
      created.repairLate!.id,
      created.repairEarly!.id,
    ]);
  });

  test('customer_email, case-insensitive', async () => {
    expect(await list('/external/v1/rmas?customer_email=early@example.com')).toEqual([
      created.repairEarly!.id,
      created.early!.id,
    ]);
    expect(await list('/external/v1/trade-returns?customer_email=LATE@example.com')).toEqual([
      created.late!.id,
    ]);
  });

  test('created_after and created_before split at a moment, offsets accepted', async () => {
    expect(await list(`/external/v1/rmas?created_after=${midpoint}`)).toEqual([
      created.repairLate!.id,
      created.late!.id,
    ]);
    expect(await list(`/external/v1/rmas?created_before=${midpoint}`)).toEqual([
      created.repairEarly!.id,
      created.early!.id,
    ]);
    const withOffset = new Date(Date.parse(midpoint)).toISOString().replace('Z', '+00:00');
    expect(
      await list(`/external/v1/offline-repairs?created_after=${encodeURIComponent(withOffset)}`),
    ).toEqual([created.repairLate!.id]);
  });

  test('updated_after: only what changed after the moment (the late transition, not the earlier breaches)', async () => {
    expect(await list(`/external/v1/rmas?updated_after=${midpoint}`)).toEqual([
      created.repairLate!.id,
      created.late!.id,
    ]);
  });

  test('breached', async () => {
    expect(await list('/external/v1/rmas?breached=true')).toEqual([
      created.repairEarly!.id,
      created.early!.id,
    ]);
    expect(await list('/external/v1/trade-returns?breached=false')).toEqual([created.late!.id]);
  });

  test('filters combine', async () => {
    expect(
      await list(`/external/v1/rmas?kind=trade_return&breached=false&created_after=${midpoint}`),
    ).toEqual([created.late!.id]);
    expect(await list('/external/v1/rmas?kind=trade_return&customer_email=nobody@example.com')).toEqual([]);
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=', 'limit'],
    ['status=DONE', 'status'],
    ['kind=repair', 'kind'],
    ['breached=yes', 'breached'],
    ['customer_email=nope', 'customer_email'],
    ['created_after=yesterday', 'created_after'],
    ['created_before=2024-13-01T00:00:00Z', 'created_before'],
    ['updated_after=1700000000', 'updated_after'],
    ['cursor=not-a-cursor', 'cursor'],
    ['limit=5&limit=6', 'limit'],
  ])('%s is 400 naming %s', async (query, path) => {
    const res = await h.api.get(`/external/v1/rmas?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  test('limit 1 and 100 are the bounds', async () => {
    expect((await h.api.get('/external/v1/rmas?limit=1')).body.data).toHaveLength(1);
    expect((await h.api.get('/external/v1/rmas?limit=100')).status).toBe(200);
  });
});

describe('cursor pagination', () => {
  // A server of its own: this suite counts exactly what it made.
  let own: Harness;
  let api: Api;
  beforeAll(async () => {
    own = await startHarness({ rateLimit: false });
    api = own.api;
  });
  afterAll(() => own.close());

  test('walks every RMA once, newest first, across pages of any size', async () => {
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      const path = i % 3 ? '/external/v1/trade-returns' : '/external/v1/offline-repairs';
      made.push((await api.post(path, i % 3 ? tradeReturnBody() : offlineRepairBody())).body.id);
    }
    const newestFirst = [...made].reverse();
    for (const limit of [1, 4, 7, 23, 100]) {
      expect((await walk(api, `/external/v1/rmas?limit=${limit}`)).map((r) => r.id)).toEqual(newestFirst);
    }
    const last = await api.get('/external/v1/rmas?limit=23');
    expect(last.body).toMatchObject({ has_more: false, next_cursor: null });
    const trade = (await walk(api, '/external/v1/trade-returns?limit=3')).map((r) => r.kind);
    expect(trade).toHaveLength(15);
    expect(new Set(trade)).toEqual(new Set(['trade_return']));
  });

  test('no duplicates or gaps among existing RMAs while new ones keep arriving', async () => {
    const before = (await walk(api, '/external/v1/rmas?limit=100')).map((r) => r.id);
    let inserted = 0;
    const insertSome = () =>
      Promise.all(
        [0, 1, 2].map(async () => {
          inserted++;
          return api.post('/external/v1/trade-returns', tradeReturnBody());
        }),
      );
    // Inserts both between pages and racing each page request.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/external/v1/rmas?limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const [page] = await Promise.all([api.get(path), insertSome()]);
      seen.push(...page.body.data.map((r: Rma) => r.id));
      cursor = page.body.next_cursor;
      await insertSome();
    } while (cursor);
    const preexisting = seen.filter((id) => before.includes(id));
    expect(preexisting).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
    expect(inserted).toBeGreaterThan(0);
  });

  test('a cursor keeps working for its list when the filter matches nothing more', async () => {
    const page = await api.get('/external/v1/trade-returns?limit=2');
    const next = await api.get(
      `/external/v1/trade-returns?limit=2&cursor=${page.body.next_cursor}&status=CLOSED`,
    );
    expect(next.body).toEqual({ data: [], has_more: false, next_cursor: null });
  });
});
