import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import { createOfflineRepair, createTradeReturn } from '@returns-pack/shared-client';
import type { OperationSpec } from '@returns-pack/shared-client';
import { loadComponent, runAction } from '@returns-pack/pipedream/harness';
import { appRunner, operationOf } from '@returns-pack/zapier/harness';
import { ReturnsPack, execute } from 'n8n-nodes-returns-pack/harness';
import { n8nParameters, pipedreamProps, zapierInput } from './platform-forms';
import type { Form } from './platform-forms';
import { startRecordingProxy } from './recording-proxy';
import type { RecordingProxy } from './recording-proxy';

/**
 * The same form values, through each platform's own create action, reach the mock as
 * byte-identical request bodies: the forms the three connectors used to disagree on (a unit price
 * of 0, a lower-case currency, line items as a list or as JSON, blank optional fields).
 */
const TRADE_RETURN_FORMS: [string, Form, unknown][] = [
  [
    'unit price 0 and a lower-case currency, items as a list',
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
    'items as the JSON text of a list (an expression), numbers as text',
    {
      customer_email: 'table@example.com',
      items:
        '[{"sku": "A", "quantity": "3", "unit_price": "0"}, {"sku": "B", "quantity": 1, "reason": "Too big"}]',
      credit_amount: '10',
      credit_currency: 'usd',
    },
    {
      customer: { email: 'table@example.com' },
      items: [
        { sku: 'A', quantity: 3, unit_price: 0 },
        { sku: 'B', quantity: 1, reason: 'Too big' },
      ],
      credit_requested: { amount: 10, currency: 'USD' },
    },
  ],
  [
    'blank optional fields, and metadata',
    {
      customer_email: ' table@example.com ',
      items: [{ sku: 'A', quantity: 1, reason: '' }],
      customer_name: '',
      customer_company: '  ',
      return_type: '',
      external_reference: '',
      requires_label: true,
      metadata: { erp_order: 'SO-1' },
    },
    {
      customer: { email: 'table@example.com' },
      items: [{ sku: 'A', quantity: 1 }],
      requires_label: true,
      metadata: { erp_order: 'SO-1' },
    },
  ],
];

const OFFLINE_REPAIR_FORMS: [string, Form, unknown][] = [
  [
    'trimmed text, blank product left out',
    { serial: ' SN-1 ', fault_description: 'Cracked', customer_email: 'walkin@example.com', product: '' },
    { serial: 'SN-1', fault_description: 'Cracked', customer_email: 'walkin@example.com' },
  ],
];

let server: MockServer;
let proxy: RecordingProxy;
let apiKey: string;

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', rateLimit: false });
  apiKey = (await server.createApiClient({ name: 'create bodies' })).api_key;
  proxy = await startRecordingProxy(server.url);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

const lastBody = () => proxy.requests.filter((r) => r.method === 'POST').at(-1)!.body;

type Creator = (spec: OperationSpec, form: Form) => Promise<unknown>;

const PLATFORMS: Record<string, Creator> = {
  zapier: (spec, form) =>
    appRunner()(operationOf('creates', spec.key).perform, {
      authData: { api_key: apiKey, base_url: proxy.url },
      inputData: zapierInput(form),
    }),
  n8n: async (spec, form) => {
    const { output } = await execute(new ReturnsPack(), {
      credentials: { baseUrl: proxy.url, apiKey },
      parameters: {
        resource: spec.resource === 'trade_return' ? 'tradeReturn' : 'offlineRepair',
        operation: 'create',
        ...n8nParameters(spec.fields, form),
      },
    });
    return output;
  },
  pipedream: (spec, form) =>
    runAction(loadComponent(`actions/${spec.key.replace(/_/g, '-')}/${spec.key.replace(/_/g, '-')}.mjs`), {
      auth: { api_key: apiKey, base_url: proxy.url },
      props: pipedreamProps(spec.fields, form),
    }),
};

describe.each([
  [createTradeReturn.key, createTradeReturn as OperationSpec, TRADE_RETURN_FORMS],
  [createOfflineRepair.key, createOfflineRepair as OperationSpec, OFFLINE_REPAIR_FORMS],
] as const)('%s: one form, one request body on every platform', (_key, spec, forms) => {
  it.each(forms)('%s', async (_name, form, expected) => {
    const bodies: Record<string, string> = {};
    for (const [platform, create] of Object.entries(PLATFORMS)) {
      await create(spec, form);
      bodies[platform] = lastBody();
    }
    expect(JSON.parse(bodies.zapier!)).toEqual(expected);
    expect(bodies.n8n).toBe(bodies.zapier);
    expect(bodies.pipedream).toBe(bodies.zapier);
  });
});
