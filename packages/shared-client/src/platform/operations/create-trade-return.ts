import type { CreateTradeReturnBody, ReturnType, Rma } from '../../contract';
import { SAMPLE_TRADE_RETURN } from '../../samples';
import { compact, fieldError } from '../form/coerce';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import type { FormValues } from '../form/read-form';
import * as f from './fields';
import { API_DOCS, defineOperation } from './types';

const lineItems: FieldSpec = {
  key: 'items',
  label: 'Line Items',
  type: 'object_list',
  required: true,
  help: 'The products coming back, 1 to 100. From an expression: a list of objects, or its JSON, with sku, quantity, reason and unit_price.',
  children: [
    { key: 'sku', label: 'SKU', type: 'string', required: true, help: 'The SKU of the returned product.' },
    {
      key: 'quantity',
      label: 'Quantity',
      type: 'integer',
      required: true,
      help: 'How many units, 1 or more.',
      default: 1,
    },
    {
      key: 'reason',
      label: 'Reason',
      type: 'string',
      required: false,
      help: 'Why it comes back, e.g. "Too small".',
    },
    {
      key: 'unit_price',
      label: 'Unit Price',
      type: 'number',
      required: false,
      help: 'Price of one unit in major units, e.g. 19.99 (0 for a free item).',
    },
  ],
};

const fields: FieldSpec[] = [
  f.customerEmail,
  lineItems,
  f.customerName,
  {
    key: 'customer_company',
    label: 'Customer Company',
    type: 'string',
    required: false,
    help: 'For B2B trade returns: the company the customer buys for.',
  },
  {
    key: 'credit_amount',
    label: 'Credit Amount',
    type: 'number',
    required: false,
    help: 'Credit requested for the return, in major units (62.48). Set Credit Currency too.',
  },
  {
    key: 'credit_currency',
    label: 'Credit Currency',
    type: 'currency',
    required: false,
    help: 'Three-letter ISO 4217 code of the credit, e.g. EUR.',
    placeholder: 'EUR',
  },
  f.returnType,
  {
    key: 'requires_label',
    label: 'Requires Label',
    type: 'boolean',
    required: false,
    help: 'Whether a return shipping label should be generated.',
  },
  f.externalReference,
  f.metadata,
  f.idempotencyKey,
];

/** The form as the API's body: the one mapping every platform's Create Trade Return uses. */
export function tradeReturnBody(form: FormValues): CreateTradeReturnBody {
  const v = readForm(fields, form);
  const amount = v.credit_amount as number | undefined;
  const currency = v.credit_currency as string | undefined;
  if ((amount === undefined) !== (currency === undefined)) {
    throw fieldError(
      amount === undefined ? 'credit_amount' : 'credit_currency',
      'Credit Amount and Credit Currency go together: set both or neither',
    );
  }
  return compact({
    customer: compact({
      email: v.customer_email as string,
      name: v.customer_name as string | undefined,
      company: v.customer_company as string | undefined,
    }),
    items: (v.items as Record<string, unknown>[]).map((item) =>
      compact({
        sku: item.sku as string,
        quantity: item.quantity as number,
        reason: item.reason as string | undefined,
        unit_price: item.unit_price as number | undefined,
      }),
    ),
    credit_requested: amount === undefined ? undefined : { amount, currency: currency as string },
    requires_label: v.requires_label as boolean | undefined,
    return_type: v.return_type as ReturnType | undefined,
    external_reference: v.external_reference as string | undefined,
    metadata: v.metadata as Record<string, string> | undefined,
  });
}

export const createTradeReturn = defineOperation<Rma>({
  key: 'create_trade_return',
  kind: 'create',
  resource: 'trade_return',
  n8nOperation: 'create',
  noun: 'Trade Return',
  label: 'Create Trade Return',
  description: 'Creates a trade return (an RMA for items a customer sends back).',
  action: 'Create a trade return',
  docs: `${API_DOCS}#create-a-trade-return`,
  fields,
  readOnly: false,
  destructive: false,
  output: 'rma',
  returns: 'one',
  sample: SAMPLE_TRADE_RETURN,
  example: {
    customer_email: 'jane.doe@example.com',
    customer_name: 'Jane Doe',
    items: [{ sku: 'TSHIRT-M-BLUE', quantity: 2, reason: 'Too big', unit_price: 24.99 }],
    credit_amount: 49.98,
    credit_currency: 'EUR',
    return_type: 'refund',
    external_reference: 'SO-10442',
    metadata: { erp_order: 'SO-10442' },
  },
  run: (client, form) =>
    client.tradeReturns.create(tradeReturnBody(form), {
      idempotencyKey: f.idempotencyKeyOf(form),
    }),
  summary: (rma) => `Created trade return ${rma.id} for ${rma.customer.email}`,
});
