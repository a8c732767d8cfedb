import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { createReturnsClient } from '@returns-pack/shared-client';
import { execute, ReturnsPack } from '../../harness';
import { startMock, tradeReturnParameters } from '../mock';

const node = new ReturnsPack();
let mock: Awaited<ReturnType<typeof startMock>>;

beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.server.close());

const run = (parameters: IDataObject, extra: Partial<Parameters<typeof execute>[1]> = {}) =>
  execute(node, { credentials: mock.credentials, parameters, ...extra });

async function createTradeReturn(n: number, extra: IDataObject = {}): Promise<IDataObject> {
  const { output } = await run({ ...tradeReturnParameters(n), ...extra });
  return output[0]![0]!.json;
}

describe('Trade Return → Create', () => {
  test('maps the form to the API body by the catalogue and pairs the result with its input item', async () => {
    const { output, requests } = await run({
      ...tradeReturnParameters(1),
      additionalFields: {
        customerName: 'Ada Buyer',
        creditAmount: 39.98,
        creditCurrency: 'eur',
        returnType: 'exchange',
        externalReference: 'ERP-1',
        requiresLabel: true,
        metadata: { entry: [{ key: 'channel', value: 'n8n' }] },
      },
    });
    const [item] = output[0]!;
    expect(item!.pairedItem).toEqual({ item: 0 });
    expect(item!.json).toMatchObject({
      kind: 'trade_return',
      customer: { email: 'buyer1@example.com', name: 'Ada Buyer' },
      items: [{ sku: 'SKU-1', quantity: 2, reason: 'Too small', unit_price: 19.99 }],
      credit: { amount: 39.98, currency: 'EUR' },
      return_type: 'exchange',
      external_reference: 'ERP-1',
      metadata: { channel: 'n8n' },
    });
    // The key travels once, in the header the credential's `authenticate` sets.
    const sent = requests[0]!.headers;
    expect(Object.keys(sent).filter((h) => h.toLowerCase() === 'x-api-key')).toEqual(['X-Api-Key']);
  });

  const sentItems = (requests: Array<{ body?: string }>) =>
    (JSON.parse(requests.at(-1)!.body!) as { items: unknown[] }).items;

  test('a unit price of 0 is sent as 0; an empty one is left out', async () => {
    const { requests } = await run({
      ...tradeReturnParameters(2),
      items: {
        item: [
          { sku: 'FREE-1', quantity: 1, reason: '', unitPrice: 0 },
          { sku: 'UNPRICED-1', quantity: 1, reason: '', unitPrice: null },
        ],
      },
    });
    expect(sentItems(requests)).toEqual([
      { sku: 'FREE-1', quantity: 1, unit_price: 0 },
      { sku: 'UNPRICED-1', quantity: 1 },
    ]);
  });

  test('items from an expression (a list, or its JSON) are read like the fixed collection', async () => {
    const list = [{ sku: 'EXPR-1', quantity: '3', unit_price: '0' }];
    const fromList = await run({ ...tradeReturnParameters(3), items: list });
    const fromJson = await run({ ...tradeReturnParameters(3), items: JSON.stringify(list) });
    expect(sentItems(fromList.requests)).toEqual([{ sku: 'EXPR-1', quantity: 3, unit_price: 0 }]);
    expect(fromJson.requests.at(-1)!.body).toBe(fromList.requests.at(-1)!.body);
    // An expression inside the fixed collection may carry the API's own keys.
    const fromEntries = await run({ ...tradeReturnParameters(3), items: { item: list } });
    expect(fromEntries.requests.at(-1)!.body).toBe(fromList.requests.at(-1)!.body);
  });

  test('the same idempotency key returns the first RMA instead of a duplicate', async () => {
    const parameters = {
      ...tradeReturnParameters(5),
      additionalFields: { idempotencyKey: 'n8n-test-key-1' },
    };
    const first = await run(parameters);
    const second = await run(parameters);
    expect(second.output[0]![0]!.json.id).toBe(first.output[0]![0]!.json.id);
  });
});

describe('Offline Repair → Create', () => {
  test('creates a repair at COUNTER_SWAPPED', async () => {
    const { output } = await run({
      resource: 'offlineRepair',
      operation: 'create',
      serial: 'SN-1',
      faultDescription: 'Screen flickers',
      customerEmail: 'walkin@example.com',
      additionalFields: { product: 'Phone X', customerName: 'Walk In' },
    });
    expect(output[0]![0]!.json).toMatchObject({
      kind: 'offline_repair',
      status: 'COUNTER_SWAPPED',
      serial: 'SN-1',
      product: 'Phone X',
    });
  });
});

describe('RMA', () => {
  test('Get reads one RMA by ID', async () => {
    const created = await createTradeReturn(20);
    const got = await run({ resource: 'rma', operation: 'get', rmaId: ` ${String(created.id)} ` });
    expect(got.output[0]).toEqual([{ json: created, pairedItem: { item: 0 } }]);
  });

  test('Find looks up by ID, by external reference, and returns nothing when nothing matches', async () => {
    const created = await createTradeReturn(21, { additionalFields: { externalReference: 'FIND-ME-21' } });
    const byId = await run({ resource: 'rma', operation: 'find', filters: { rmaId: String(created.id) } });
    expect(byId.output[0]!.map((i) => i.json.id)).toEqual([created.id]);
    const byRef = await run({
      resource: 'rma',
      operation: 'find',
      filters: { externalReference: 'FIND-ME-21' },
    });
    expect(byRef.output[0]!.map((i) => i.json.id)).toEqual([created.id]);
    const none = await run({
      resource: 'rma',
      operation: 'find',
      filters: { externalReference: 'NO-SUCH-REF' },
    });
    expect(none.output[0]).toEqual([]);
  });

  test('Get Many honours Limit, Return All and the filters, Kind included', async () => {
    const email = `limit-${Date.now()}@example.com`;
    for (let i = 0; i < 3; i++) await createTradeReturn(30 + i, { customerEmail: email });
    const base = { resource: 'rma', operation: 'getMany' };
    const limited = await run({ ...base, returnAll: false, limit: 2, filters: { customerEmail: email } });
    expect(limited.output[0]).toHaveLength(2);
    const all = await run({
      ...base,
      returnAll: true,
      filters: { customerEmail: email, kind: 'trade_return' },
    });
    expect(all.output[0]!.map((i) => (i.json.customer as IDataObject).email)).toEqual(Array(3).fill(email));
    expect(all.output[0]!.map((i) => i.pairedItem)).toEqual(Array(3).fill({ item: 0 }));
    const none = await run({
      ...base,
      returnAll: true,
      filters: {
        customerEmail: email,
        kind: 'offline_repair',
        status: 'CLOSED',
        createdAfter: '2020-01-01T00:00:00Z',
      },
    });
    expect(none.output[0]).toEqual([]);
    expect(Object.fromEntries(new URL(none.requests.at(-1)!.url).searchParams)).toMatchObject({
      customer_email: email,
      kind: 'offline_repair',
      status: 'CLOSED',
      created_after: '2020-01-01T00:00:00.000Z',
    });
  });
});

describe('Event → Get Many', () => {
  test('reads the event log, filtered by type and RMA', async () => {
    const created = await createTradeReturn(40);
    const { output } = await run({
      resource: 'event',
      operation: 'getMany',
      returnAll: true,
      filters: { type: 'return.created', subjectId: String(created.id) },
    });
    expect(output[0]!.map((i) => i.json)).toEqual([
      expect.objectContaining({ type: 'return.created', subject: { type: 'rma', id: created.id } }),
    ]);
  });
});

describe('Webhook → Replay', () => {
  test("re-sends a window's events to a subscription", async () => {
    const api = createReturnsClient({ baseUrl: mock.server.url, apiKey: mock.credentials.apiKey });
    const sub = await api.webhooks.create({
      url: 'http://127.0.0.1:9/replay-target',
      events: ['return.created'],
    });
    const start = new Date(mock.server.clock.now() - 1000).toISOString();
    await createTradeReturn(50);
    const { output } = await run({
      resource: 'webhook',
      operation: 'replay',
      webhookId: sub.id,
      startTime: start,
      endTime: new Date(mock.server.clock.now() + 1000).toISOString(),
    });
    expect(output[0]![0]!.json.replayed).toBeGreaterThanOrEqual(1);
    await api.webhooks.delete(sub.id);
  });
});

describe('errors', () => {
  test('an API refusal is a NodeApiError with the status and an actionable message', async () => {
    const error = await run({ resource: 'rma', operation: 'get', rmaId: 'rma_doesNotExist' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NodeApiError);
    expect((error as NodeApiError).httpCode).toBe('404');
    expect((error as NodeApiError).message).toMatch(/Not found/);
  });

  test('a wrong API key says to reconnect, without echoing the key', async () => {
    const error = await execute(node, {
      credentials: { ...mock.credentials, apiKey: 'rmk_wrong_key_123456' },
      parameters: { resource: 'rma', operation: 'getMany', returnAll: false, limit: 1 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeApiError);
    expect((error as NodeApiError).httpCode).toBe('401');
    expect((error as NodeApiError).message).toMatch(/API key/);
    expect(JSON.stringify(error)).not.toContain('rmk_wrong_key_123456');
  });

  test('bad input is a NodeOperationError naming the field', async () => {
    const price = await run({
      ...tradeReturnParameters(60),
      items: { item: [{ sku: 'X', quantity: 1, unitPrice: 'ten' }] },
    }).catch((e: unknown) => e);
    expect(price).toBeInstanceOf(NodeOperationError);
    expect((price as Error).message).toMatch(
      /Line Items 1 › Unit Price \(items\[0\]\.unit_price\): must be a number/,
    );
    const date = await run({
      resource: 'rma',
      operation: 'getMany',
      returnAll: true,
      filters: { createdAfter: 'yesterday-ish' },
    }).catch((e: unknown) => e);
    expect(date).toBeInstanceOf(NodeOperationError);
    expect((date as Error).message).toMatch(/Created After \(created_after\): must be a date and time/);
    const missing = await run({ ...tradeReturnParameters(61), customerEmail: '  ' }).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(
      /Customer Email \(customer_email\): Customer Email is required/,
    );
  });

  test('with Continue On Fail a failed item becomes an error item paired with its input', async () => {
    const { output } = await run(tradeReturnParameters(70), {
      items: [{ json: {} }, { json: {} }, { json: {} }],
      perItem: [{}, { customerEmail: 'broken' }, {}],
      continueOnFail: true,
    });
    expect(output[0]!.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(output[0]![0]!.json.id).toMatch(/^rma_/);
    expect(output[0]![1]!.json.error).toMatch(/customer\.email/);
    expect(output[0]![2]!.json.id).toMatch(/^rma_/);
  });

  test('an unknown operation is refused with a clear message', async () => {
    await expect(run({ resource: 'rma', operation: 'delete' })).rejects.toThrow(
      /operation "delete" is not supported/,
    );
  });
});
