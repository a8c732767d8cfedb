import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ReturnsClient } from '@returns-pack/shared-client';
import {
  additionalFieldsField,
  customerEmailField,
  forOperation,
  idempotencyKeyField,
  metadataField,
} from '../common/fields';
import { optionalText, readMetadata } from '../common/read';

const properties: INodeProperties[] = [
  { displayName: 'Serial', name: 'serial', type: 'string', required: true, default: '' },
  {
    displayName: 'Fault Description',
    name: 'faultDescription',
    type: 'string',
    typeOptions: { rows: 3 },
    required: true,
    default: '',
  },
  customerEmailField,
  additionalFieldsField([
    { displayName: 'Customer Name', name: 'customerName', type: 'string', default: '' },
    idempotencyKeyField,
    metadataField,
    { displayName: 'Product', name: 'product', type: 'string', default: '' },
  ]),
];

export const description = forOperation('offlineRepair', 'create', properties);

export async function execute(this: IExecuteFunctions, client: ReturnsClient, itemIndex: number) {
  const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
  return client.offlineRepairs.create(
    {
      serial: String(this.getNodeParameter('serial', itemIndex)).trim(),
      fault_description: String(this.getNodeParameter('faultDescription', itemIndex)).trim(),
      customer_email: String(this.getNodeParameter('customerEmail', itemIndex)).trim(),
      customer_name: optionalText(extra.customerName),
      product: optionalText(extra.product),
      metadata: readMetadata(extra.metadata),
    },
    { idempotencyKey: optionalText(extra.idempotencyKey) },
  );
}
