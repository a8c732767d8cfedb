import { loadComponent, runAction } from '../harness';
import { startBackend } from './support/backend';
import type { Backend } from './support/backend';
import { errorOf } from './support/errors';

const createTradeReturn = loadComponent('actions/create-trade-return/create-trade-return.mjs');
const createOfflineRepair = loadComponent('actions/create-offline-repair/create-offline-repair.mjs');

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(() => backend.close());

describe('Create Trade Return', () => {
  it('creates the return from form input and summarises it', async () => {
    const { value, summary } = await runAction(createTradeReturn, {
      auth: backend.auth,
      props: {
        customerEmail: 'jane.doe@example.com',
        customerName: 'Jane Doe',
        items: ['{"sku": "TSHIRT-M-BLUE", "quantity": 2, "reason": "Too big", "unit_price": 24.99}'],
        creditAmount: '49.98',
        creditCurrency: 'EUR',
        returnType: 'refund',
        externalReference: 'SO-10442',
        metadata: { erp_order: 'SO-10442' },
      },
    });
    const rma = value as {
      id: string;
      kind: string;
      status: string;
      customer: { name: string };
      items: unknown[];
    };
    expect(rma).toMatchObject({
      kind: 'trade_return',
      status: 'REQUESTED',
      customer: { email: 'jane.doe@example.com', name: 'Jane Doe', company: null },
      items: [{ sku: 'TSHIRT-M-BLUE', quantity: 2, reason: 'Too big', unit_price: 24.99 }],
      credit: { amount: 49.98, currency: 'EUR' },
      return_type: 'refund',
      external_reference: 'SO-10442',
      metadata: { erp_order: 'SO-10442' },
    });
    expect(summary).toBe(`Created trade return ${rma.id} for jane.doe@example.com`);
  });

  it('takes items as objects from an expression, and leaves defaulted optional props out', async () => {
    const { value } = await runAction(createTradeReturn, {
      auth: backend.auth,
      props: { customerEmail: 'sam@example.com', items: [{ sku: 'CAP-BLACK', quantity: 1 }] },
    });
    expect(value).toMatchObject({
      customer: { email: 'sam@example.com', name: null },
      items: [{ sku: 'CAP-BLACK', quantity: 1, reason: null }],
      credit: null,
      external_reference: null,
    });
  });

  it('names the field when the API contract refuses the input', async () => {
    const error = await errorOf(() =>
      runAction(createTradeReturn, {
        auth: backend.auth,
        props: { customerEmail: 'not-an-email', items: ['{"sku": "A", "quantity": 0}'] },
      }),
    );
    expect(error.name).toBe('ConfigurationError');
    expect(error.message).toContain('customer.email');
    expect(error.message).toContain('items.0.quantity');
  });

  it('names the entry when an item is not JSON', async () => {
    const error = await errorOf(() =>
      runAction(createTradeReturn, {
        auth: backend.auth,
        props: { customerEmail: 'sam@example.com', items: ['{"sku": "A", "quantity": 1}', '{sku: B}'] },
      }),
    );
    expect(error.name).toBe('ConfigurationError');
    expect(error.message).toBe('Some fields are not valid: items[1]: is not valid JSON.');
  });

  it('names the credit amount when it is not a number', async () => {
    const error = await errorOf(() =>
      runAction(createTradeReturn, {
        auth: backend.auth,
        props: {
          customerEmail: 'sam@example.com',
          items: ['{"sku": "A", "quantity": 1}'],
          creditAmount: 'ten',
        },
      }),
    );
    expect(error).toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringContaining('credit_amount: must be a number such as 19.99 (got "ten")'),
    });
  });

  it('says the key is wrong when the API refuses it', async () => {
    const error = await errorOf(() =>
      runAction(createTradeReturn, {
        auth: { ...backend.auth, api_key: 'rk_wrong_key_123' },
        props: { customerEmail: 'sam@example.com', items: ['{"sku": "A", "quantity": 1}'] },
      }),
    );
    expect(error.name).toBe('ConfigurationError');
    expect(error.message).toMatch(/refused the API key/);
  });
});

describe('Create Offline Repair', () => {
  it('creates the repair at the counter', async () => {
    const { value, summary } = await runAction(createOfflineRepair, {
      auth: backend.auth,
      props: {
        serial: 'SN-4829-7731-AX',
        faultDescription: 'Screen flickers',
        customerEmail: 'sam.lee@example.com',
        product: 'Tablet Pro 11',
      },
    });
    const rma = value as { id: string };
    expect(value).toMatchObject({
      kind: 'offline_repair',
      status: 'COUNTER_SWAPPED',
      serial: 'SN-4829-7731-AX',
      product: 'Tablet Pro 11',
      customer: { email: 'sam.lee@example.com', name: null },
    });
    expect(summary).toBe(`Created offline repair ${rma.id} for sam.lee@example.com`);
  });

  it('names an object prop given as broken JSON text', async () => {
    const error = await errorOf(() =>
      runAction(createOfflineRepair, {
        auth: backend.auth,
        props: {
          serial: 'SN-1',
          faultDescription: 'Dead',
          customerEmail: 'a@example.com',
          metadata: '{oops',
        },
      }),
    );
    expect(error).toMatchObject({
      name: 'ConfigurationError',
      message: 'Some fields are not valid: metadata: is not valid JSON.',
    });
  });

  it('refuses a run without a required prop, as the Pipedream form would', async () => {
    const error = await errorOf(() =>
      runAction(createOfflineRepair, {
        auth: backend.auth,
        props: { serial: 'SN-1', customerEmail: 'a@example.com' },
      }),
    );
    expect(error.message).toContain('required prop faultDescription');
  });
});
