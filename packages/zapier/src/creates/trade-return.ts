import { SAMPLE_TRADE_RETURN } from '@returns-pack/shared-client';
import type { CreateTradeReturnBody, ReturnType } from '@returns-pack/shared-client';
import { defineCreate, defineInputFields } from 'zapier-platform-core';
import type { CreatePerform } from 'zapier-platform-core';
import { withClient } from '../client';
import { RETURN_TYPE_CHOICES } from '../fields/choices';
import { asBoolean, asNumber, asStringMap, asText, compact } from '../fields/input-values';
import { RMA_OUTPUT_FIELDS } from '../fields/output-fields';
import { CREATION_LIMIT } from './creation-limit';

const inputFields = defineInputFields([
  {
    key: 'customer_email',
    label: 'Customer Email',
    required: true,
    helpText: 'E-mail address of the customer returning the items.',
  },
  { key: 'customer_name', label: 'Customer Name', required: false, helpText: 'Full name of the customer.' },
  {
    key: 'customer_company',
    label: 'Customer Company',
    required: false,
    helpText: 'For B2B trade returns: the company the customer buys for.',
  },
  {
    key: 'items',
    label: 'Line Items',
    required: true,
    children: [
      { key: 'sku', label: 'SKU', required: true, helpText: 'The SKU of the returned product.' },
      {
        key: 'quantity',
        label: 'Quantity',
        type: 'integer',
        required: true,
        helpText: 'How many units, 1 or more.',
      },
      {
        key: 'reason',
        label: 'Reason',
        required: false,
        helpText: 'Why the item comes back, e.g. "Too small".',
      },
      {
        key: 'unit_price',
        label: 'Unit Price',
        type: 'number',
        required: false,
        helpText: 'Price of one unit in major units, e.g. 19.99.',
      },
    ],
  },
  {
    key: 'credit_amount',
    label: 'Credit Amount',
    type: 'number',
    required: false,
    helpText: 'Credit requested for the return, in major units (19.99). Set Credit Currency too.',
  },
  {
    key: 'credit_currency',
    label: 'Credit Currency',
    required: false,
    placeholder: 'EUR',
    helpText: 'Three-letter ISO 4217 code of the credit, e.g. EUR.',
  },
  {
    key: 'return_type',
    label: 'Return Type',
    required: false,
    choices: RETURN_TYPE_CHOICES,
    helpText: 'How the customer is compensated.',
  },
  {
    key: 'requires_label',
    label: 'Requires Shipping Label',
    type: 'boolean',
    required: false,
    helpText: 'Yes to have a return shipping label generated.',
  },
  {
    key: 'external_reference',
    label: 'External Reference',
    required: false,
    helpText: 'Your own reference, e.g. the ERP order number. **Find RMA** can search by it.',
  },
  {
    key: 'metadata',
    label: 'Metadata',
    dict: true,
    required: false,
    helpText: 'Extra text values to store with the RMA (up to 50 keys).',
  },
]);

type LineItem = { sku?: unknown; quantity?: unknown; reason?: unknown; unit_price?: unknown };

/** The form's flat fields → the API's body; the client checks it against the contract before sending. */
export function tradeReturnBody(input: Record<string, unknown>): CreateTradeReturnBody {
  const items = Array.isArray(input.items) ? (input.items as LineItem[]) : [];
  const amount = asNumber(input.credit_amount);
  const currency = asText(input.credit_currency)?.toUpperCase();
  return compact({
    customer: compact({
      email: asText(input.customer_email) ?? '',
      name: asText(input.customer_name),
      company: asText(input.customer_company),
    }),
    items: items.map((item) =>
      compact({
        sku: asText(item.sku) ?? '',
        quantity: asNumber(item.quantity) ?? 0,
        reason: asText(item.reason),
        unit_price: asNumber(item.unit_price),
      }),
    ),
    credit_requested:
      amount === undefined && currency === undefined
        ? undefined
        : { amount: amount ?? NaN, currency: currency ?? '' },
    return_type: asText(input.return_type) as ReturnType | undefined,
    requires_label: asBoolean(input.requires_label),
    external_reference: asText(input.external_reference),
    metadata: asStringMap(input.metadata),
  });
}

const perform: CreatePerform<typeof inputFields> = (z, bundle) =>
  withClient(z, bundle, (client) => client.tradeReturns.create(tradeReturnBody(bundle.inputData)));

export const createTradeReturn = defineCreate({
  key: 'create_trade_return',
  noun: 'Trade Return',
  display: {
    label: 'Create Trade Return',
    description: 'Creates a trade return (an RMA for returned items) for a customer.',
  },
  operation: {
    inputFields,
    perform,
    throttle: CREATION_LIMIT,
    sample: SAMPLE_TRADE_RETURN,
    outputFields: RMA_OUTPUT_FIELDS,
  },
});
