import { EVENT_TYPES } from '@returns-pack/shared-client';
import type { EventEnvelope } from '@returns-pack/shared-client';
import type { Harness } from './helpers/harness';
import { offlineRepairBody, startHarness, tradeReturnBody } from './helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: false });
});
afterAll(() => h.close());

const transition = (id: string, to: string) => h.admin.post(`/admin/v1/rmas/${id}/transitions`, { to });
const typesOf = (page: { data: EventEnvelope[] }) => page.data.map((e) => e.type);

describe('GET /external/v1/events', () => {
  let tradeId: string;
  let repairId: string;
  let midpoint: string;

  beforeAll(async () => {
    tradeId = (await h.api.post('/external/v1/trade-returns', tradeReturnBody())).body.id;
    await transition(tradeId, 'APPROVED');
    h.server.clock.advance(60);
    midpoint = (await h.admin.get('/admin/v1/clock')).body.now;
    h.server.clock.advance(1);
    repairId = (await h.api.post('/external/v1/offline-repairs', offlineRepairBody())).body.id;
    await transition(tradeId, 'LABEL_CREATED');
  });

  test('newest first, envelopes as the contract has them', async () => {
    const res = await h.api.get('/external/v1/events');
    expect(typesOf(res.body)).toEqual([
      'label.generated',
      'return.created',
      'return.ready',
      'return.created',
    ]);
    const [label] = res.body.data;
    expect(label).toMatchObject({
      api_version: 'v1',
      subject: { type: 'rma', id: tradeId },
      sequence: 3,
      test: false,
      replay: false,
      data: { previous_status: 'APPROVED', rma: { id: tradeId, status: 'LABEL_CREATED' } },
    });
    expect(label.id).toMatch(/^evt_[0-9a-f]{24}$/);
  });

  test('type, subject_id and created_after filter, alone and together', async () => {
    expect(typesOf((await h.api.get('/external/v1/events?type=return.created')).body)).toEqual([
      'return.created',
      'return.created',
    ]);
    const trade = (await h.api.get(`/external/v1/events?subject_id=${tradeId}`)).body;
    expect(trade.data.map((e: EventEnvelope) => e.sequence)).toEqual([3, 2, 1]);
    expect(typesOf((await h.api.get(`/external/v1/events?created_after=${midpoint}`)).body)).toEqual([
      'label.generated',
      'return.created',
    ]);
    const both = (await h.api.get(`/external/v1/events?subject_id=${repairId}&type=return.created`)).body;
    expect(both.data).toHaveLength(1);
    expect(
      (await h.api.get(`/external/v1/events?subject_id=${repairId}&type=return.ready`)).body.data,
    ).toEqual([]);
  });

  test('limit and cursor walk the log without gaps', async () => {
    const first = await h.api.get('/external/v1/events?limit=3');
    expect(first.body.has_more).toBe(true);
    const rest = await h.api.get(`/external/v1/events?limit=3&cursor=${first.body.next_cursor}`);
    expect(rest.body).toMatchObject({ has_more: false, next_cursor: null });
    const all = (await h.api.get('/external/v1/events?limit=100')).body.data;
    expect([...first.body.data, ...rest.body.data]).toEqual(all);
  });

  test('bad filters are named', async () => {
    for (const [query, path] of [
      ['type=return.exploded', 'type'],
      ['limit=0', 'limit'],
      ['created_after=soon', 'created_after'],
      ['cursor=%%%', 'cursor'],
      ['kind=trade_return', 'kind'],
    ]) {
      const res = await h.api.get(`/external/v1/events?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });
});

describe('the event bus', () => {
  test('listeners get each event synchronously after its append, in log order, until they unsubscribe', async () => {
    const seen: EventEnvelope[] = [];
    const unsubscribe = h.server.services.events.subscribe((event) => seen.push(event));
    const { body } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    expect(seen.map((e) => e.type)).toEqual(['return.created']);
    await transition(body.id, 'APPROVED');
    expect(seen.map((e) => e.sequence)).toEqual([1, 2]);
    unsubscribe();
    await transition(body.id, 'LABEL_CREATED');
    expect(seen).toHaveLength(2);
  });

  test('a listener that throws does not fail the request or starve other listeners', async () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const seen: string[] = [];
    const off1 = h.server.services.events.subscribe(() => {
      throw new Error('listener bug');
    });
    const off2 = h.server.services.events.subscribe((e) => seen.push(e.type));
    try {
      const res = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
      expect(res.status).toBe(201);
      expect(seen).toEqual(['return.created']);
      // Reported as a warning with the message only (no stack).
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/^event listener failed on return\.created evt_\w+: listener bug$/),
        'ReturnsMockWarning',
      );
    } finally {
      off1();
      off2();
      warn.mockRestore();
    }
  });

  test('an event appended from inside a listener reaches every listener after the current one', () => {
    const { events, rmas } = h.server.services;
    const order: string[] = [];
    const rma = rmas.createTradeReturn({
      customer: { email: 'a@example.com' },
      items: [{ sku: 'A', quantity: 1 }],
    });
    const off1 = events.subscribe((e) => {
      order.push(`first:${e.type}`);
      if (e.type === 'return.updated') events.append({ type: 'return.reset', rma });
    });
    const off2 = events.subscribe((e) => order.push(`second:${e.type}`));
    events.append({ type: 'return.updated', rma });
    off1();
    off2();
    expect(order).toEqual([
      'first:return.updated',
      'second:return.updated',
      'first:return.reset',
      'second:return.reset',
    ]);
  });

  test('listBetween returns a time window oldest first, inclusive (what a replay re-sends)', async () => {
    const { events, clock } = h.server.services;
    clock.advance(3600);
    const start = clock.now();
    const a = (await h.api.post('/external/v1/trade-returns', tradeReturnBody())).body.id;
    clock.advance(10);
    const b = (await h.api.post('/external/v1/offline-repairs', offlineRepairBody())).body.id;
    const end = clock.now();
    clock.advance(10);
    await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    const window = events.listBetween(start, new Date(end).toISOString());
    expect(window.map((e) => e.subject.id)).toEqual([a, b]);
    expect(events.listBetween(end + 1, end + 5)).toEqual([]);
  });
});

describe('POST /admin/v1/rmas/{id}/events', () => {
  test.each(EVENT_TYPES)('emits %s for an RMA through the log, with the next sequence', async (type) => {
    const { body: rma } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    const seen: EventEnvelope[] = [];
    const off = h.server.services.events.subscribe((e) => seen.push(e));
    const res = await h.admin.post(`/admin/v1/rmas/${rma.id}/events`, { type });
    off();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type,
      sequence: 2,
      subject: { id: rma.id },
      data: { rma, previous_status: null },
    });
    expect(seen).toEqual([res.body]);
    const logged = await h.api.get(`/external/v1/events?subject_id=${rma.id}&limit=1`);
    expect(logged.body.data).toEqual([res.body]);
  });

  test('an unknown type is 400, an unknown RMA 404', async () => {
    const { body: rma } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    const bad = await h.admin.post(`/admin/v1/rmas/${rma.id}/events`, { type: 'return.exploded' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('type');
    expect((await h.admin.post('/admin/v1/rmas/rma_nope/events', { type: 'return.updated' })).status).toBe(
      404,
    );
  });
});
