import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { ReturnsPack } from '../../nodes/ReturnsPack/ReturnsPack.node';
import { execute } from '../harness/execute';
import { startMock, tradeReturnParameters } from '../harness/mock';

const node = new ReturnsPack();
let mock: Awaited<ReturnType<typeof startMock>>;

beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.server.close());

const run = (parameters: IDataObject, extra: Partial<Parameters<typeof execute>[1]> = {}) =>
  execute(node, { credentials: mock.credentials, parameters, ...extra });

async function createTradeReturn(n: number): Promise<IDataObject> {
  const { output } = await run(tradeReturnParameters(n));
  return output[0]![0]!.json;
}

describe('Trade Return', () => {
  test('create maps the fields to the API body and pairs the result with its input item', async () => {
    const { output, requests } = await run({
      ...tradeReturnParameters(1),
      additionalFields: {
        customerName: 'Ada Buyer',
        creditAmount: 39.98,
        creditCurrency: 'EUR',
        returnType: 'exchange',
        externalReference: 'ERP-1',
        requiresLabel: true,
        metadata: { entry: [{ key: 'channel', value: 'n8n' }] },
      },
    });
    expect(output).toHaveLength(1);
    const [item] = output[0]!;
    expect(item!.pairedItem).toEqual({ item: 0 });
    expect(item!.json).toMatchObject({
      kind: 'trade_return',
      status: 'REQUESTED',
      customer: { email: 'buyer1@example.com', name: 'Ada Buyer' },
      items: [{ sku: 'SKU-1', quantity: 2, reason: 'Too small', unit_price: 19.99 }],
      return_type: 'exchange',
      external_reference: 'ERP-1',
      metadata: { channel: 'n8n' },
    });
    // The key travels once, in the header the credential's `authenticate` sets.
    const sent = requests[0]!.headers;
    expect(Object.keys(sent).filter((h) => h.toLowerCase() === 'x-api-key')).toEqual(['X-Api-Key']);
    expect(sent['X-Api-Key']).toBe(mock.credentials.apiKey);
  });

  test('the same idempotency key returns the first RMA instead of a duplicate', async () => {
    const parameters = {
      ...tradeReturnParameters(2),
      additionalFields: { idempotencyKey: 'n8n-test-key-1' },
    };
    const first = await run(parameters);
    const second = await run(parameters);
    expect(second.output[0]![0]!.json.id).toBe(first.output[0]![0]!.json.id);
  });

  test('get returns one RMA by id', async () => {
    const created = await createTradeReturn(3);
    const { output } = await run({
      resource: 'tradeReturn',
      operation: 'get',
      rmaId: ` ${String(created.id)} `,
    });
    expect(output[0]).toEqual([{ json: created, pairedItem: { item: 0 } }]);
  });

  test('get many honours Limit, Return All and the filters', async () => {
    const ada = `limit-${Date.now()}@example.com`;
    for (let i = 0; i < 3; i++) await run({ ...tradeReturnParameters(10 + i), customerEmail: ada });
    const limited = await run({
      resource: 'tradeReturn',
      operation: 'getMany',
      returnAll: false,
      limit: 2,
      filters: { customerEmail: ada },
    });
    expect(limited.output[0]).toHaveLength(2);
    const all = await run({
      resource: 'tradeReturn',
      operation: 'getMany',
      returnAll: true,
      filters: { customerEmail: ada },
    });
    expect(all.output[0]!.map((i) => i.json.customer)).toEqual(
      Array(3).fill(expect.objectContaining({ email: ada })),
    );
    expect(all.output[0]!.map((i) => i.pairedItem)).toEqual(Array(3).fill({ item: 0 }));
    const none = await run({
      resource: 'tradeReturn',
      operation: 'getMany',
      returnAll: true,
      filters: { customerEmail: ada, status: 'CLOSED', createdAfter: '2020-01-01T00:00:00Z' },
    });
    expect(none.output[0]).toEqual([]);
    const url = new URL(none.requests.at(-1)!.url);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      customer_email: ada,
      status: 'CLOSED',
      created_after: '2020-01-01T00:00:00.000Z',
    });
  });
});

describe('Offline Repair', () => {
  test('create, get and get many', async () => {
    const email = `walkin-${Date.now()}@example.com`;
    const created = await run({
      resource: 'offlineRepair',
      operation: 'create',
      serial: 'SN-1',
      faultDescription: 'Screen flickers',
      customerEmail: email,
      additionalFields: { product: 'Phone X', customerName: 'Walk In' },
    });
    const repair = created.output[0]![0]!.json;
    expect(repair).toMatchObject({ kind: 'offline_repair', status: 'COUNTER_SWAPPED', serial: 'SN-1' });
    const got = await run({ resource: 'offlineRepair', operation: 'get', rmaId: String(repair.id) });
    expect(got.output[0]![0]!.json.id).toBe(repair.id);
    const listed = await run({
      resource: 'offlineRepair',
      operation: 'getMany',
      returnAll: true,
      filters: { customerEmail: email, status: 'COUNTER_SWAPPED' },
    });
    expect(listed.output[0]!.map((i) => i.json.id)).toEqual([repair.id]);
  });
});

describe('RMA', () => {
  test('get reads either kind; get many filters by kind', async () => {
    const created = await createTradeReturn(20);
    const got = await run({ resource: 'rma', operation: 'get', rmaId: String(created.id) });
    expect(got.output[0]![0]!.json.id).toBe(created.id);
    await run({
      resource: 'offlineRepair',
      operation: 'create',
      serial: 'SN-20',
      faultDescription: 'No power',
      customerEmail: 'walkin20@example.com',
      additionalFields: {},
    });
    const repairs = await run({
      resource: 'rma',
      operation: 'getMany',
      returnAll: true,
      filters: { kind: 'offline_repair' },
    });
    expect(repairs.output[0]!.length).toBeGreaterThan(0);
    expect(repairs.output[0]!.every((i) => i.json.kind === 'offline_repair')).toBe(true);
  });

  test('get many with Breached lists only RMAs past their SLA', async () => {
    const { server, credentials } = await startMock();
    try {
      const fresh = await execute(node, { credentials, parameters: tradeReturnParameters(30) });
      const breachedBefore = await execute(node, {
        credentials,
        parameters: { resource: 'rma', operation: 'getMany', returnAll: true, filters: { breached: true } },
      });
      expect(breachedBefore.output[0]).toEqual([]);
      server.clock.advance(60 * 60 * 24 * 365);
      const breached = await execute(node, {
        credentials,
        parameters: { resource: 'rma', operation: 'getMany', returnAll: true, filters: { breached: true } },
      });
      expect(breached.output[0]!.map((i) => i.json.id)).toEqual([fresh.output[0]![0]!.json.id]);
    } finally {
      await server.close();
    }
  });
});

describe('Event', () => {
  test('get many reads the event log, filtered by type and subject', async () => {
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
    const error = await run({ ...tradeReturnParameters(50), customerEmail: 'not-an-email' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as Error).message).toMatch(/customer\.email/);
    const dateError = await run({
      resource: 'rma',
      operation: 'getMany',
      returnAll: true,
      filters: { createdAfter: 'yesterday-ish' },
    }).catch((e: unknown) => e);
    expect(dateError).toBeInstanceOf(NodeOperationError);
    expect((dateError as Error).message).toMatch(/createdAfter/);
  });

  test('with Continue On Fail a failed item becomes an error item paired with its input', async () => {
    const { output } = await run(tradeReturnParameters(60), {
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
