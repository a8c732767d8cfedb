import { seedDemoRmas } from '@returns-pack/mock-api';
import { createReturnsClient } from '@returns-pack/shared-client';
import { operationOf } from '../harness';
import type { Perform } from '../harness';
import type { Connected } from './helpers/mock';
import { connectToMock, rejectionOf, zapierErrorBody } from './helpers/mock';

let mock: Connected;
const created: Record<string, { id: string }> = {};

beforeAll(async () => {
  mock = await connectToMock();
  const create = (perform: Perform, inputData: object) =>
    mock.run<{ id: string }>(perform, { authData: mock.authData, inputData });
  created.older = await create(createTradeReturn, {
    customer_email: 'repeat@example.com',
    items: [{ sku: 'A', quantity: 1 }],
    external_reference: 'SO-1',
  });
  created.newer = await create(createTradeReturn, {
    customer_email: 'repeat@example.com',
    items: [{ sku: 'B', quantity: 1 }],
    external_reference: 'SO-2',
  });
  created.repair = await create(createOfflineRepair, {
    serial: 'SN-1',
    fault_description: 'Dead',
    customer_email: 'repeat@example.com',
  });
});
afterAll(() => mock.server.close());

const createTradeReturn = operationOf('creates', 'create_trade_return').perform;
const createOfflineRepair = operationOf('creates', 'create_offline_repair').perform;
const findRma = operationOf('searches', 'find_rma').perform;
const find = (inputData: object) =>
  mock.run<Array<{ id: string }>>(findRma, { authData: mock.authData, inputData });
const ids = (rmas: Array<{ id: string }>) => rmas.map((r) => r.id);

describe('Find RMA', () => {
  test('finds by id', async () => {
    expect(ids(await find({ rma_id: created.older!.id }))).toEqual([created.older!.id]);
  });

  test('finds by external reference', async () => {
    expect(ids(await find({ external_reference: 'SO-1' }))).toEqual([created.older!.id]);
  });

  test('finds the newest RMA of a customer, narrowed by kind when asked', async () => {
    expect(ids(await find({ customer_email: 'REPEAT@example.com' }))).toEqual([created.repair!.id]);
    expect(ids(await find({ customer_email: 'repeat@example.com', kind: 'trade_return' }))).toEqual([
      created.newer!.id,
    ]);
  });

  test('no match is an empty result (so "create if not found" can run), never an error', async () => {
    await expect(find({ rma_id: 'rma_doesnotexist' })).resolves.toEqual([]);
    await expect(find({ external_reference: 'SO-404' })).resolves.toEqual([]);
    await expect(find({ rma_id: created.repair!.id, kind: 'trade_return' })).resolves.toEqual([]);
  });

  test('an id in the wrong form, or no criterion at all, is an error naming the field', async () => {
    const badId = await rejectionOf(find({ rma_id: 'order-12' }));
    expect(zapierErrorBody(badId).message).toMatch(/id: must be an id starting with "rma_"/);
    const nothing = await rejectionOf(find({}));
    expect(zapierErrorBody(nothing).message).toMatch(
      /id: give an RMA id, an external reference or a customer e-mail/,
    );
  });
});

describe('the RMA dropdown (hidden rma_list trigger)', () => {
  const listRmas = operationOf('triggers', 'rma_list').perform;

  test('lists the newest RMAs, each with a readable name', async () => {
    const page = await mock.run<Array<{ id: string; display_name: string }>>(listRmas, {
      authData: mock.authData,
      meta: { page: 0 },
    });
    expect(ids(page)).toEqual([created.repair!.id, created.newer!.id, created.older!.id]);
    expect(page[0]!.display_name).toBe(`${created.repair!.id} · repeat@example.com · COUNTER_SWAPPED`);
  });

  test('a page past the end is empty', async () => {
    await expect(mock.run(listRmas, { authData: mock.authData, meta: { page: 1 } })).resolves.toEqual([]);
  });
});

describe('the RMA dropdown past its first page', () => {
  test('page 1 continues where page 0 ended, with no RMA twice', async () => {
    const big = await connectToMock({ rateLimit: false });
    try {
      const client = createReturnsClient({ baseUrl: big.server.url, apiKey: big.apiKey });
      for (let n = 0; n < 105; n++) {
        await client.offlineRepairs.create({
          serial: `SN-${n}`,
          fault_description: 'x',
          customer_email: 'a@example.com',
        });
      }
      const listRmas = operationOf('triggers', 'rma_list').perform;
      const page = (n: number) =>
        big.run<Array<{ id: string }>>(listRmas, { authData: big.authData, meta: { page: n } });
      const [first, second] = [await page(0), await page(1)];
      expect([first.length, second.length]).toEqual([100, 5]);
      expect(new Set([...ids(first), ...ids(second)]).size).toBe(105);
    } finally {
      await big.server.close();
    }
  });
});

describe('Find RMA by external reference in a large account', () => {
  test('finds the oldest RMA behind 1,000 newer ones, by the server-side filter; the help text names no scan limit', async () => {
    const big = await connectToMock();
    try {
      const oldest = big.server.services.rmas.createTradeReturn({
        customer: { email: 'deep@example.com' },
        items: [{ sku: 'OLD', quantity: 1 }],
        external_reference: 'SO-DEEP',
      });
      // v1.0 read the newest 1,000 RMAs and missed this one (#18): the seed puts it past that.
      seedDemoRmas(big.server.services, 1000);
      const findIn = (inputData: object) =>
        big.run<Array<{ id: string }>>(findRma, { authData: big.authData, inputData });
      expect(ids(await findIn({ external_reference: 'SO-DEEP' }))).toEqual([oldest.id]);
      expect(
        ids(await findIn({ external_reference: 'SO-DEEP', customer_email: 'deep@example.com' })),
      ).toEqual([oldest.id]);
      await expect(
        findIn({ external_reference: 'SO-DEEP', customer_email: 'x@example.com' }),
      ).resolves.toEqual([]);
      const help = operationOf('searches', 'find_rma').inputFields?.find(
        (f) => f.key === 'external_reference',
      )?.helpText;
      expect(help).not.toMatch(/newest|1,000/);
    } finally {
      await big.server.close();
    }
  });
});
