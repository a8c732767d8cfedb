import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

/** Shows `properties` only for one resource and operation. */
export function forOperation(
  resource: string,
  operation: string,
  properties: INodeProperties[],
): INodeProperties[] {
  return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);
}

export const rmaIdField: INodeProperties = {
  displayName: 'RMA ID',
  name: 'rmaId',
  type: 'string',
  required: true,
  default: '',
  placeholder: 'rma_8ZbX2k',
  description: 'The ID of the RMA, starting with "rma_"',
};

export const returnAllFields: INodeProperties[] = [
  {
    displayName: 'Return All',
    name: 'returnAll',
    type: 'boolean',
    default: false,
    description: 'Whether to return all results or only up to a given limit',
  },
  {
    displayName: 'Limit',
    name: 'limit',
    type: 'number',
    displayOptions: { show: { returnAll: [false] } },
    typeOptions: { minValue: 1 },
    default: 50,
    description: 'Max number of results to return',
  },
];

export const metadataField: INodeProperties = {
  displayName: 'Metadata',
  name: 'metadata',
  type: 'fixedCollection',
  typeOptions: { multipleValues: true },
  default: {},
  placeholder: 'Add Metadata Entry',
  description: 'Your own references, stored on the RMA as a string map',
  options: [
    {
      displayName: 'Entry',
      name: 'entry',
      values: [
        { displayName: 'Key', name: 'key', type: 'string', default: '' },
        { displayName: 'Value', name: 'value', type: 'string', default: '' },
      ],
    },
  ],
};

export const idempotencyKeyField: INodeProperties = {
  displayName: 'Idempotency Key',
  name: 'idempotencyKey',
  type: 'string',
  default: '',
  description:
    'Sending the same key again returns the first answer instead of creating a duplicate. Leave empty for a fresh key per item.',
};

export const createdAfterField: INodeProperties = {
  displayName: 'Created After',
  name: 'createdAfter',
  type: 'dateTime',
  default: '',
};

export const customerEmailField: INodeProperties = {
  displayName: 'Customer Email',
  name: 'customerEmail',
  type: 'string',
  placeholder: 'name@email.com',
  required: true,
  default: '',
};

/** An optional collection, its options sorted by name as n8n's UI guidelines ask. */
function collection(displayName: string, name: string, placeholder: string, options: INodeProperties[]) {
  const sorted = [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    displayName,
    name,
    type: 'collection',
    placeholder,
    default: {},
    options: sorted,
  } as INodeProperties;
}

export const filtersField = (options: INodeProperties[]) =>
  collection('Filters', 'filters', 'Add Filter', options);

export const additionalFieldsField = (options: INodeProperties[]) =>
  collection('Additional Fields', 'additionalFields', 'Add Field', options);
