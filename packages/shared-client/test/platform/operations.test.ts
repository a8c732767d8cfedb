import { OPERATIONS, createTradeReturn, operation, readForm } from '../../src';
import type { EventEnvelope, Rma } from '../../src';
import { startWithClient } from '../client/mock-server';
import type { MockServer } from '../client/mock-server';

let server: MockServer;
let client: Awaited<ReturnType<typeof startWithClient>>['client'];

beforeAll(async () => {
  ({ server, client } = await startWithClient());
});
afterAll(() => server.close());

describe('every catalogue operation runs against the mock from form values', () => {
  it('creates, then finds, gets, lists and replays what it created', async () => {
    const created = (await createTradeReturn.run(client, {
      ...createTradeReturn.example,
      external_reference: 'OPS-1',
      items: JSON.stringify([{ sku: 'A', quantity: '1', unit_price: '0' }]),
      credit_currency: 'eur',
    })) as Rma;
    expect(created.items[0]).toMatchObject({ sku: 'A', quantity: 1, unit_price: 0 });
    expect(created.credit).toMatchObject({ currency: 'EUR' });

    const found = (await operation('find_rma').run(client, { external_reference: 'OPS-1' })) as Rma[];
    expect(found.map((r) => r.id)).toEqual([created.id]);
    expect(await operation('find_rma').run(client, { external_reference: 'NOPE' })).toEqual([]);

    expect(await operation('get_rma').run(client, { rma_id: created.id })).toMatchObject({ id: created.id });

    const listed = (await operation('list_rmas').run(client, { kind: 'trade_return', limit: '1' })) as Rma[];
    expect(listed.map((r) => r.id)).toEqual([created.id]);

    const events = (await operation('list_events').run(client, {
      type: 'return.created',
      subject_id: created.id,
    })) as EventEnvelope[];
    expect(events.map((e) => e.subject.id)).toEqual([created.id]);

    const hook = await client.webhooks.create({ url: 'http://127.0.0.1:9/hook', events: ['*'] });
    const replayed = await operation('replay_webhook_events').run(client, {
      webhook_id: hook.id,
      start_time: created.created_at,
      end_time: new Date(Date.parse(created.created_at) + 1000).toISOString(),
    });
    expect(replayed).toEqual({ replayed: 1 });
  });

  it.each(OPERATIONS.map((op) => [op.key, op] as const))('%s: its example is a valid form', (_key, op) => {
    const required = op.fields.filter((f) => f.required).map((f) => f.key);
    const missing = required.filter((key) => !(key in op.example));
    // Operations on an existing record (an RMA or subscription id) cannot carry a fixed example id.
    expect(missing.every((key) => key === 'rma_id' || key.endsWith('_time') || key === 'webhook_id')).toBe(
      true,
    );
    if (missing.length === 0) expect(() => readForm(op.fields, op.example)).not.toThrow();
  });

  it('the summary line of each is one sentence about the result', async () => {
    await createTradeReturn.run(client, createTradeReturn.example);
    const rmas = (await operation('list_rmas').run(client, { limit: 2 })) as Rma[];
    expect(operation('list_rmas').summary(rmas)).toBe('Listed 2 RMAs');
    expect(operation('list_rmas').summary(rmas.slice(1))).toBe('Listed 1 RMA');
  });
});
