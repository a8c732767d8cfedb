import { collect, fetchTransport } from '../../src';
import { offlineRepairBody, startWithClient, tradeReturnBody } from './mock-server';
import type { MockServer } from './mock-server';
import type { ReturnsClient } from '../../src';

let server: MockServer;
let client: ReturnsClient;

beforeAll(async () => {
  ({ server, client } = await startWithClient());
});
afterAll(() => server.close());

describe('trade returns', () => {
  it('creates one and reads it back by id and in the list', async () => {
    const created = await client.tradeReturns.create(tradeReturnBody(1));
    expect(created).toMatchObject({ kind: 'trade_return', status: 'REQUESTED', external_reference: 'ERP-1' });
    expect(created.customer.email).toBe('buyer1@example.com');

    await expect(client.tradeReturns.get(created.id)).resolves.toEqual(created);
    const page = await client.tradeReturns.list({ customer_email: 'buyer1@example.com' });
    expect(page.data.map((r) => r.id)).toEqual([created.id]);
  });

  it('iterates over every page, newest first, each RMA once', async () => {
    const ids: string[] = [];
    for (let n = 100; n < 107; n++) ids.push((await client.tradeReturns.create(tradeReturnBody(n))).id);

    const firstPage = await client.tradeReturns.list({ limit: 3 });
    expect(firstPage).toMatchObject({ has_more: true });
    expect(firstPage.next_cursor).toEqual(expect.any(String));

    const all = await collect(client.tradeReturns.iterate({ limit: 3 }));
    const seen = all.map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse());
  });

  it('collect stops at the requested maximum without fetching further pages', async () => {
    const requests: string[] = [];
    const { server: s2, client: counted } = await startWithClient(
      {},
      {
        transport: async (req) => {
          requests.push(req.url);
          return fetchTransport(req);
        },
      },
    );
    try {
      for (let n = 0; n < 5; n++) await counted.tradeReturns.create(tradeReturnBody(n));
      requests.length = 0;
      const two = await collect(counted.tradeReturns.iterate({ limit: 2 }), 2);
      expect(two).toHaveLength(2);
      expect(requests).toHaveLength(1);
    } finally {
      await s2.close();
    }
  });
});

describe('offline repairs and RMAs', () => {
  it('creates an offline repair in COUNTER_SWAPPED and finds it among the RMAs by kind', async () => {
    const repair = await client.offlineRepairs.create(offlineRepairBody(1));
    expect(repair).toMatchObject({ kind: 'offline_repair', status: 'COUNTER_SWAPPED', serial: 'SN-1' });

    await expect(client.offlineRepairs.get(repair.id)).resolves.toMatchObject({ id: repair.id });
    await expect(client.rmas.get(repair.id)).resolves.toMatchObject({ id: repair.id });

    const repairs = await collect(client.rmas.iterate({ kind: 'offline_repair' }));
    expect(repairs.every((r) => r.kind === 'offline_repair')).toBe(true);
    expect(repairs.map((r) => r.id)).toContain(repair.id);
    const returns = await client.rmas.list({ kind: 'trade_return', limit: 100 });
    expect(returns.data.map((r) => r.id)).not.toContain(repair.id);
  });

  it('filters by status and by breached (boolean or text)', async () => {
    const requested = await client.rmas.list({ status: 'REQUESTED', limit: 100 });
    expect(requested.data.length).toBeGreaterThan(0);
    expect(requested.data.every((r) => r.status === 'REQUESTED')).toBe(true);
    await expect(client.rmas.list({ breached: true })).resolves.toMatchObject({ data: [] });
    await expect(client.rmas.list({ breached: 'false' })).resolves.toMatchObject({
      has_more: expect.any(Boolean),
    });
  });
});

describe('events', () => {
  it('lists the log, newest first, filtered by subject', async () => {
    const rma = await client.tradeReturns.create(tradeReturnBody(7));
    const page = await client.events.list({ subject_id: rma.id });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      type: 'return.created',
      subject: { type: 'rma', id: rma.id },
      sequence: 1,
    });
    const created = await collect(client.events.iterate({ type: 'return.created', limit: 2 }));
    expect(created.map((e) => e.subject.id)).toContain(rma.id);
  });
});
