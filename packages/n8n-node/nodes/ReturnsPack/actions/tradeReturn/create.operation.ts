import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ReturnType } from '@returns-pack/shared-client';
import type { CreateTradeReturnBody, ReturnsClient } from '@returns-pack/shared-client';
import {
  additionalFieldsField,
  customerEmailField,
  forOperation,
  idempotencyKeyField,
  metadataField,
} from '../common/fields';
import { enumOptions } from '../common/options';
import { optionalText, readMetadata } from '../common/read';

const properties: INodeProperties[] = [
  customerEmailField,
  {
    displayName: 'Items',
    name: 'items',
    type: 'fixedCollection',
    typeOptions: { multipleValues: true },
    required: true,
    default: {},
    placeholder: 'Add Item',
    description: 'The products being returned, 1 to 100',
    options: [
      {
        displayName: 'Item',
        name: 'item',
        values: [
          { displayName: 'SKU', name: 'sku', type: 'string', default: '', required: true },
          {
            displayName: 'Quantity',
            name: 'quantity',
            type: 'number',
            typeOptions: { minValue: 1 },
            default: 1,
          },
          { displayName: 'Reason', name: 'reason', type: 'string', default: '' },
          {
            displayName: 'Unit Price',
            name: 'unitPrice',
            type: 'number',
            typeOptions: { minValue: 0, numberPrecision: 2 },
            default: 0,
            description: 'Price per unit in major units (19.99); 0 leaves it out',
          },
        ],
      },
    ],
  },
  additionalFieldsField([
    {
      displayName: 'Credit Amount',
      name: 'creditAmount',
      type: 'number',
      typeOptions: { minValue: 0, numberPrecision: 2 },
      default: 0,
      description: 'Credit requested for the return, in major units; needs Credit Currency',
    },
    {
      displayName: 'Credit Currency',
      name: 'creditCurrency',
      type: 'string',
      default: '',
      placeholder: 'EUR',
      description: 'Three-letter ISO 4217 code of the credit',
    },
    { displayName: 'Customer Company', name: 'customerCompany', type: 'string', default: '' },
    { displayName: 'Customer Name', name: 'customerName', type: 'string', default: '' },
    {
      displayName: 'External Reference',
      name: 'externalReference',
      type: 'string',
      default: '',
      description: 'Your own reference, e.g. an ERP or order number',
    },
    idempotencyKeyField,
    metadataField,
    {
      displayName: 'Requires Label',
      name: 'requiresLabel',
      type: 'boolean',
      default: false,
      description: 'Whether a return shipping label should be generated',
    },
    {
      displayName: 'Return Type',
      name: 'returnType',
      type: 'options',
      options: enumOptions(ReturnType.options),
      default: 'refund',
    },
  ]),
];

export const description = forOperation('tradeReturn', 'create', properties);

export async function execute(this: IExecuteFunctions, client: ReturnsClient, itemIndex: number) {
  const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
  const items = ((this.getNodeParameter('items', itemIndex, {}) as IDataObject).item as IDataObject[]) ?? [];
  const body: CreateTradeReturnBody = {
    customer: {
      email: String(this.getNodeParameter('customerEmail', itemIndex)).trim(),
      name: optionalText(extra.customerName),
      company: optionalText(extra.customerCompany),
    },
    items: items.map((item) => ({
      sku: String(item.sku ?? '').trim(),
      quantity: Number(item.quantity ?? 1),
      reason: optionalText(item.reason),
      unit_price: item.unitPrice ? Number(item.unitPrice) : undefined,
    })),
    credit_requested:
      extra.creditAmount !== undefined || extra.creditCurrency !== undefined
        ? { amount: Number(extra.creditAmount ?? 0), currency: String(extra.creditCurrency ?? '').trim() }
        : undefined,
    requires_label: extra.requiresLabel as boolean | undefined,
    return_type: extra.returnType as CreateTradeReturnBody['return_type'],
    external_reference: optionalText(extra.externalReference),
    metadata: readMetadata(extra.metadata),
  };
  return client.tradeReturns.create(body, { idempotencyKey: optionalText(extra.idempotencyKey) });
}
