import { createReturnsClient, tradeReturnBody } from '@returns-pack/shared-client';
import type { Rma } from '@returns-pack/shared-client';
import { operationOf } from '../harness';
import type { Connected } from './helpers/mock';
import { connectToMock, rejectionOf, zapierErrorBody } from './helpers/mock';

let mock: Connected;
beforeAll(async () => {
  mock = await connectToMock();
});
afterAll(() => mock.server.close());

const createTradeReturn = operationOf('creates', 'create_trade_return').perform;
const createOfflineRepair = operationOf('creates', 'create_offline_repair').perform;

/** What a user fills in on the Zap editor's form: line items as a list of dicts, numbers partly as text. */
const tradeReturnInput = (n: number) => ({
  customer_email: `buyer${n}@example.com`,
  customer_name: 'Ada Buyer',
  customer_company: 'Buyer GmbH',
  items: [
    { sku: `SKU-${n}`, quantity: 2, reason: 'Too small', unit_price: 19.99 },
    { sku: 'CAP-1', quantity: '1' },
  ],
  credit_amount: '39.98',
  credit_currency: 'eur',
  return_type: 'shop_now_credit',
  requires_label: 'true',
  external_reference: `ERP-${n}`,
  metadata: { erp_order: `SO-${n}` },
});

/** The mock's own view of an RMA, read with a plain client: proof the create reached the API. */
const readBack = (id: string, apiKey = mock.apiKey) =>
  createReturnsClient({ baseUrl: mock.server.url, apiKey }).rmas.get(id);

describe('Create Trade Return', () => {
  test('creates an RMA from the form, line items included, that the API then returns', async () => {
    const rma = await mock.run<Rma>(createTradeReturn, {
      authData: mock.authData,
      inputData: tradeReturnInput(1),
    });
    expect(rma).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^rma_/),
        kind: 'trade_return',
        // Requires Label: the API approves and labels it before answering (v1.1).
        status: 'LABEL_CREATED',
        label: expect.objectContaining({ tracking_number: expect.any(String) }),
        customer: { email: 'buyer1@example.com', name: 'Ada Buyer', company: 'Buyer GmbH' },
        items: [
          { sku: 'SKU-1', quantity: 2, reason: 'Too small', unit_price: 19.99 },
          { sku: 'CAP-1', quantity: 1, reason: null, unit_price: null },
        ],
        return_type: 'shop_now_credit',
        external_reference: 'ERP-1',
        metadata: { erp_order: 'SO-1' },
      }),
    );
    expect(rma.credit).toEqual(expect.objectContaining({ amount: 39.98, currency: 'EUR' }));
    await expect(readBack(rma.id)).resolves.toEqual(rma);
  });

  test('bad input is refused before sending, naming the field to fix', async () => {
    const refusal = async (inputData: object) =>
      zapierErrorBody(await rejectionOf(mock.run(createTradeReturn, { authData: mock.authData, inputData })));
    const quantity = await refusal({
      customer_email: 'a@example.com',
      items: [{ sku: 'A', quantity: 'two' }],
    });
    expect(quantity.code).toBe('ValidationFailed');
    expect(quantity.message).toMatch(/^Some fields are not valid: items\[0\]\.quantity: must be a number/);
    const email = await refusal({ customer_email: 'not-an-email', items: [{ sku: 'A', quantity: 1 }] });
    expect(email.message).toMatch(/^Some fields are not valid: customer\.email: /);
  });

  test('a credit amount without a currency names the missing currency', async () => {
    const error = await rejectionOf(
      mock.run(createTradeReturn, {
        authData: mock.authData,
        inputData: { customer_email: 'a@example.com', items: [{ sku: 'A', quantity: 1 }], credit_amount: 5 },
      }),
    );
    expect(zapierErrorBody(error).message).toContain(
      'credit_currency: Credit Amount and Credit Currency go together',
    );
  });

  test('the 31st creation in a minute is a ThrottledError carrying the server’s Retry-After', async () => {
    const own = await mock.server.createApiClient({ name: 'throttled' });
    const authData = { api_key: own.api_key, base_url: mock.server.url };
    for (let n = 1; n <= 30; n++) {
      await mock.run(n % 2 ? createTradeReturn : createOfflineRepair, {
        authData,
        inputData: n % 2 ? tradeReturnInput(n) : offlineRepairInput(n),
      });
    }
    const error = await rejectionOf(
      mock.run(createTradeReturn, { authData, inputData: tradeReturnInput(31) }),
    );
    expect(error.name).toBe('ThrottledError');
    const body = zapierErrorBody(error);
    expect(body.delay).toBeGreaterThanOrEqual(1);
    expect(body.delay).toBeLessThanOrEqual(60);
    expect(body.message).toBe(
      `The returns API allows 30 creations a minute per API client; try again in ${body.delay} s.`,
    );
    expect(error.message).not.toContain(own.api_key);
  });
});

const offlineRepairInput = (n: number) => ({
  serial: `SN-${n}`,
  fault_description: 'Screen flickers after warming up',
  customer_email: `walkin${n}@example.com`,
  customer_name: 'Sam Walkin',
  product: 'Tablet Pro 11',
  metadata: { pos_ticket: `POS-${n}` },
});

describe('Create Offline Repair', () => {
  test('creates a repair in COUNTER_SWAPPED that the API then returns', async () => {
    const rma = await mock.run<Rma>(createOfflineRepair, {
      authData: mock.authData,
      inputData: offlineRepairInput(1),
    });
    expect(rma).toEqual(
      expect.objectContaining({
        kind: 'offline_repair',
        status: 'COUNTER_SWAPPED',
        serial: 'SN-1',
        product: 'Tablet Pro 11',
        customer: expect.objectContaining({ email: 'walkin1@example.com', name: 'Sam Walkin' }),
        metadata: { pos_ticket: 'POS-1' },
      }),
    );
    await expect(readBack(rma.id)).resolves.toEqual(rma);
  });

  test('missing required fields are named', async () => {
    const error = await rejectionOf(
      mock.run(createOfflineRepair, { authData: mock.authData, inputData: { serial: 'SN-9' } }),
    );
    expect(zapierErrorBody(error).message).toBe(
      'Some fields are not valid: fault_description: Fault Description is required.',
    );
  });

  test('a revoked key is an AuthenticationError, not a retry', async () => {
    const other = await mock.server.createApiClient({ name: 'revoked' });
    await mock.admin('POST', `/admin/v1/api-clients/${other.id}/revoke`);
    const error = await rejectionOf(
      mock.run(createOfflineRepair, {
        authData: { api_key: other.api_key, base_url: mock.server.url },
        inputData: offlineRepairInput(2),
      }),
    );
    expect(zapierErrorBody(error)).toEqual(
      expect.objectContaining({ code: 'AuthenticationError', status: 401 }),
    );
  });
});

describe('the form as Zapier hands it over', () => {
  const base = { customer_email: 'table@example.com', credit_amount: '10', credit_currency: 'eur' };
  const item = { sku: 'FREE-1', quantity: '1', unit_price: '0', reason: '' };

  test.each([
    ['line items as a list', { items: [item] }],
    ['line items as JSON text (mapped from an earlier step)', { items: JSON.stringify([item]) }],
  ])('%s: a unit price of 0 is kept, the currency upper-cased, blank fields not sent', async (_, form) => {
    const inputData = { ...base, ...form, customer_name: '', return_type: '', metadata: {} };
    const rma = await mock.run<Rma>(createTradeReturn, { authData: mock.authData, inputData });
    expect(rma.items).toEqual([{ sku: 'FREE-1', quantity: 1, reason: null, unit_price: 0 }]);
    expect(rma.credit).toEqual(expect.objectContaining({ amount: 10, currency: 'EUR' }));
    expect(rma.customer).toEqual(expect.objectContaining({ email: 'table@example.com', name: null }));
    // What reached the API is the catalogue's one mapping of that form.
    expect(rma).toEqual(
      expect.objectContaining({
        items: tradeReturnBody(inputData).items.map((i) => ({ reason: null, ...i })),
      }),
    );
  });

  test('the same Idempotency Key twice creates one RMA', async () => {
    const inputData = { ...base, items: [item], idempotency_key: `zap-run-${Date.now()}` };
    const first = await mock.run<Rma>(createTradeReturn, { authData: mock.authData, inputData });
    const second = await mock.run<Rma>(createTradeReturn, { authData: mock.authData, inputData });
    expect(second.id).toBe(first.id);
  });
});

describe('the 429 policy (the client’s pacer)', () => {
  test('a short Retry-After is waited out inside the step, and the creation then succeeds', async () => {
    // One creation per 2 s: the second waits about 2 s (under the policy's 20 s) instead of failing.
    const tight = await connectToMock({ rateLimit: 1, rateLimitWindowSeconds: 2 });
    try {
      const create = (n: number) =>
        tight.run<Rma>(createOfflineRepair, { authData: tight.authData, inputData: offlineRepairInput(n) });
      const first = await create(1);
      const second = await create(2);
      expect(second.id).not.toBe(first.id);
      expect(tight.server.services.rmas.get(second.id).serial).toBe('SN-2');
    } finally {
      await tight.server.close();
    }
  });
});
