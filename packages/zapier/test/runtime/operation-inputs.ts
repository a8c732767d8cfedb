/**
 * What `zapier invoke` types into each operation the built app defines: one entry per create, search and
 * polling trigger key. The runtime suite discovers the operations from the build's `definition.json`, so an
 * operation added to the app without an entry here fails, naming its key.
 *
 * Values are strings, as `zapier invoke --inputData` requires (Zapier's editor sends text too); line
 * items are arrays of objects of strings. `seeded` is an RMA the suite created before it runs, so a
 * search can be asked for something that exists.
 */
export interface Seeded {
  id: string;
  external_reference: string;
  customer_email: string;
  /** Fresh REQUESTED trade returns, one for each action that moves an RMA along, so their order never matters. */
  to_approve: string;
  to_label: string;
}

type InputData = Record<string, string | string[] | Array<Record<string, string>>>;

export interface OperationInput {
  /** The `--inputData` of a call that must succeed. */
  input: (seeded: Seeded) => InputData;
  /** Searches: input of a call that must come back empty (`[]`, never an error). */
  noMatch?: InputData;
}

/** `triggers` are the polling triggers `zapier invoke` runs; `hooks` the REST-hook triggers' Zap settings. */
export type OperationKind = 'creates' | 'searches' | 'triggers' | 'hooks';

export const OPERATION_INPUTS: Record<OperationKind, Record<string, OperationInput>> = {
  creates: {
    create_trade_return: {
      input: () => ({
        customer_email: 'invoke-trade@example.com',
        customer_name: 'Invoke Trade',
        items: [{ sku: 'TSHIRT-M', quantity: '2', reason: 'Too small', unit_price: '19.99' }],
        credit_amount: '39.98',
        credit_currency: 'EUR',
        requires_label: 'true',
        external_reference: 'INVOKE-TRADE-1',
      }),
    },
    update_rma_status: {
      input: (seeded) => ({ rma_id: seeded.to_approve, to: 'APPROVED', note: 'Approved by zapier invoke' }),
    },
    generate_return_label: {
      input: (seeded) => ({ rma_id: seeded.to_label, carrier: 'DHL' }),
    },
    create_offline_repair: {
      input: () => ({
        serial: 'SN-INVOKE-1',
        fault_description: 'Does not power on',
        customer_email: 'invoke-repair@example.com',
        product: 'Espresso machine',
      }),
    },
  },
  searches: {
    find_rma: {
      input: (seeded) => ({
        external_reference: seeded.external_reference,
        customer_email: seeded.customer_email,
      }),
      noMatch: { external_reference: 'NO-SUCH-REFERENCE' },
    },
  },
  triggers: {
    // The hidden trigger behind the RMA dropdowns: no input.
    rma_list: { input: () => ({}) },
  },
  // What the user set in the Zap when it subscribed; the schemes are spread so that each one is run.
  hooks: {
    new_return: { input: () => ({ scheme: 'jwt' }) },
    return_processed: { input: () => ({ scheme: 'standard-webhooks' }) },
    shipment_delivered: { input: () => ({ scheme: 'bearer' }) },
    rma_breach: { input: () => ({ scheme: 'hmac-sha256', retry: 'false' }) },
    trade_return_credit_request: { input: () => ({}) },
    trade_return_credited: { input: () => ({ scheme: 'jwt' }) },
    return_completed: { input: () => ({}) },
    return_canceled: { input: () => ({ scheme: 'standard-webhooks' }) },
    offline_repair_status_changed: { input: () => ({}) },
    label_generated: { input: () => ({ scheme: 'bearer' }) },
    new_event: { input: () => ({ event_types: ['shipment.delivered', 'rma.breach'], scheme: 'jwt' }) },
  },
};

/** The entry for an operation, or an error that says which key needs one. */
export function inputsFor(kind: OperationKind, key: string): OperationInput {
  const entry = OPERATION_INPUTS[kind][key];
  if (!entry) {
    throw new Error(
      `packages/zapier/test/runtime/operation-inputs.ts has no entry for ${kind}.${key}: ` +
        'add the input data `zapier invoke` should send to it.',
    );
  }
  return entry;
}
