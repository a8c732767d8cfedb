import { OPERATIONS, camelKey, createReturnsClient } from '@returns-pack/shared-client';
import type { OperationSpec } from '@returns-pack/shared-client';
import { loadComponent, runAction } from '../harness';
import { startBackend } from './support/backend';
import type { Backend } from './support/backend';
import { startRecordingProxy } from './support/recording-proxy';
import type { RecordingProxy } from './support/recording-proxy';

/**
 * The same form values give byte-identical request bodies at the mock, whether the Pipedream action
 * collects them from its props or the catalogue reads them directly: the action adds no rule of
 * its own. The forms are the ones the platforms used to disagree on.
 */
const spec = (key: string) => OPERATIONS.find((op) => op.key === key) as OperationSpec;
const tradeReturn = spec('create_trade_return');
const action = loadComponent('actions/create-trade-return/create-trade-return.mjs');

const FORMS: [string, Record<string, unknown>, unknown][] = [
  [
    'unit price 0 and a lower-case currency, items as a list of objects',
    {
      customer_email: 'table@example.com',
      items: [{ sku: 'FREE-GIFT', quantity: 1, unit_price: 0 }],
      credit_amount: 12.5,
      credit_currency: 'eur',
    },
    {
      customer: { email: 'table@example.com' },
      items: [{ sku: 'FREE-GIFT', quantity: 1, unit_price: 0 }],
      credit_requested: { amount: 12.5, currency: 'EUR' },
    },
  ],
  [
    "items as Pipedream's form gives them: one JSON object per entry, numbers as text",
    {
      customer_email: 'table@example.com',
      items: [
        '{"sku": "A", "quantity": "2", "unit_price": "0"}',
        '{"sku": "B", "quantity": 1, "reason": "Too big"}',
      ],
      credit_amount: '10',
      credit_currency: 'usd',
    },
    {
      customer: { email: 'table@example.com' },
      items: [
        { sku: 'A', quantity: 2, unit_price: 0 },
        { sku: 'B', quantity: 1, reason: 'Too big' },
      ],
      credit_requested: { amount: 10, currency: 'USD' },
    },
  ],
  [
    'items as the JSON text of a list, from an expression',
    { customer_email: 'table@example.com', items: '[{"sku": "A", "quantity": 3, "unit_price": 0}]' },
    { customer: { email: 'table@example.com' }, items: [{ sku: 'A', quantity: 3, unit_price: 0 }] },
  ],
  [
    'blank optional fields, as the props default them',
    {
      customer_email: 'table@example.com',
      items: [{ sku: 'A', quantity: 1 }],
      customer_name: '',
      customer_company: '  ',
      credit_amount: '',
      credit_currency: '',
      return_type: '',
      external_reference: '',
      metadata: {},
      idempotency_key: '',
    },
    { customer: { email: 'table@example.com' }, items: [{ sku: 'A', quantity: 1 }] },
  ],
];

let backend: Backend;
let proxy: RecordingProxy;
beforeAll(async () => {
  backend = await startBackend({ rateLimit: false });
  proxy = await startRecordingProxy(backend.server.url);
});
afterAll(async () => {
  await proxy.close();
  await backend.close();
});

const lastBody = () => proxy.requests.filter((r) => r.method === 'POST').at(-1)!.body;

describe('Create Trade Return: one form, one request body', () => {
  it.each(FORMS)('%s', async (_name, form, expected) => {
    const props = Object.fromEntries(Object.entries(form).map(([key, value]) => [camelKey(key), value]));
    await runAction(action, { auth: { api_key: backend.auth.api_key, base_url: proxy.url }, props });
    const fromPipedream = lastBody();
    const client = createReturnsClient({ baseUrl: proxy.url, apiKey: backend.auth.api_key });
    await tradeReturn.run(client, form);
    const fromCatalogue = lastBody();
    expect(fromPipedream).toBe(fromCatalogue);
    expect(JSON.parse(fromPipedream)).toEqual(expected);
  });
});
