import type { Harness } from './helpers/harness';
import { offlineRepairBody, startHarness, tradeReturnBody } from './helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ slaSeconds: 3600 });
});
afterAll(() => h.close());

describe('trade returns', () => {
  test('create answers 201 with the full RMA, REQUESTED, and its SLA', async () => {
    const res = await h.api.post(
      '/external/v1/trade-returns',
      tradeReturnBody({
        customer: { email: 'ada@example.com', name: 'Ada Lovelace', company: 'Analytical Engines' },
        credit_requested: { amount: 19.99, currency: 'EUR' },
        return_type: 'exchange',
        external_reference: 'ERP-1',
        metadata: { erp_id: '42' },
        // requires_label moves it on to LABEL_CREATED (v1.1): test/v1-1/labels.test.ts.
      }),
    );
    expect(res.status).toBe(201);
    const rma = res.body;
    expect(rma).toMatchObject({
      kind: 'trade_return',
      status: 'REQUESTED',
      customer: { email: 'ada@example.com', name: 'Ada Lovelace', company: 'Analytical Engines' },
      items: [{ sku: 'SKU-1', quantity: 1, reason: 'Too big', unit_price: 19.99 }],
      credit: { amount: 19.99, currency: 'EUR', status: 'pending' },
      shipment: { status: 'pre_transit', tracking_number: null, delivered_at: null },
      label: null,
      return_type: 'exchange',
      external_reference: 'ERP-1',
      metadata: { erp_id: '42' },
      serial: null,
      history: [{ status: 'REQUESTED', at: rma.created_at, note: null }],
    });
    expect(rma.id).toMatch(/^rma_[0-9a-f]{24}$/);
    expect(Date.parse(rma.sla.due_at) - Date.parse(rma.created_at)).toBe(3600_000);
    expect(rma.sla.breached_at).toBeNull();
  });

  test('defaults: refund, no credit, empty metadata', async () => {
    const { body } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    expect(body).toMatchObject({
      return_type: 'refund',
      credit: null,
      metadata: {},
      external_reference: null,
    });
  });

  test('is readable under its kind and under /rmas, not under the other kind', async () => {
    const { body: created } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    expect((await h.api.get(`/external/v1/trade-returns/${created.id}`)).body).toEqual(created);
    expect((await h.api.get(`/external/v1/rmas/${created.id}`)).body).toEqual(created);
    const wrongKind = await h.api.get(`/external/v1/offline-repairs/${created.id}`);
    expect(wrongKind.status).toBe(404);
    expect(wrongKind.body.error).toEqual({ code: 'not_found', message: `No offline repair ${created.id}` });
  });

  test.each([
    [{ customer: { email: 'not-an-email' }, items: [{ sku: 'A', quantity: 1 }] }, 'customer.email'],
    [{ customer: { email: 'a@example.com' }, items: [] }, 'items'],
    [
      {
        customer: { email: 'a@example.com' },
        items: Array.from({ length: 101 }, () => ({ sku: 'A', quantity: 1 })),
      },
      'items',
    ],
    [{ customer: { email: 'a@example.com' }, items: [{ sku: 'A', quantity: 0 }] }, 'items.0.quantity'],
    [
      { customer: { email: 'a@example.com' }, items: [{ sku: 'A', quantity: 1, unit_price: 1.001 }] },
      'items.0.unit_price',
    ],
    [
      {
        customer: { email: 'a@example.com' },
        items: [{ sku: 'A', quantity: 1 }],
        credit_requested: { amount: 5, currency: 'eur' },
      },
      'credit_requested.currency',
    ],
    [
      { customer: { email: 'a@example.com' }, items: [{ sku: 'A', quantity: 1 }], return_type: 'gift' },
      'return_type',
    ],
    [{ items: [{ sku: 'A', quantity: 1 }] }, 'customer'],
  ])('an invalid body is 400 validation_failed naming the field (%#)', async (body, path) => {
    const res = await h.api.post('/external/v1/trade-returns', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(res.body.error.message).toContain(path);
  });

  test('a missing field is reported as required', async () => {
    const res = await h.api.post('/external/v1/trade-returns', { items: [{ sku: 'A', quantity: 1 }] });
    expect(res.body.error.details).toEqual([{ path: 'customer', message: 'is required' }]);
  });
});

describe('offline repairs', () => {
  test('create answers 201, COUNTER_SWAPPED, with serial and fault', async () => {
    const res = await h.api.post(
      '/external/v1/offline-repairs',
      offlineRepairBody({ customer_name: 'Grace Hopper', product: 'Phone P4', metadata: { pos: 'till-3' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'offline_repair',
      status: 'COUNTER_SWAPPED',
      serial: 'SN-1',
      fault_description: 'Does not charge',
      product: 'Phone P4',
      customer: { email: 'grace@example.com', name: 'Grace Hopper', company: null },
      items: [],
      shipment: null,
      return_type: null,
      metadata: { pos: 'till-3' },
    });
    expect((await h.api.get(`/external/v1/offline-repairs/${res.body.id}`)).body).toEqual(res.body);
    expect((await h.api.get(`/external/v1/trade-returns/${res.body.id}`)).status).toBe(404);
  });

  test('required fields are named', async () => {
    const res = await h.api.post('/external/v1/offline-repairs', { serial: ' ' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'customer_email',
      'fault_description',
      'serial',
    ]);
  });
});

describe('reading one RMA', () => {
  test('an unknown id is 404 and a malformed id is 400, on every collection', async () => {
    for (const collection of ['rmas', 'trade-returns', 'offline-repairs']) {
      const unknown = await h.api.get(`/external/v1/${collection}/rma_doesnotexist`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('not_found');
      const malformed = await h.api.get(`/external/v1/${collection}/42`);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details[0].path).toBe('id');
    }
  });

  test('every API client of the shop sees the same RMAs', async () => {
    const { body: created } = await h.api.post('/external/v1/trade-returns', tradeReturnBody());
    const other = await h.server.createApiClient({ name: 'another integration' });
    const res = await h.api.as({ 'x-api-key': other.api_key }).get(`/external/v1/rmas/${created.id}`);
    expect(res.body).toEqual(created);
  });
});
