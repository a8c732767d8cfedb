import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { RmaListFilters } from '@returns-pack/shared-client';
import {
  createdAfterField,
  customerEmailField,
  filtersField,
  forOperation,
  returnAllFields,
  rmaIdField,
} from './fields';
import { enumOptions } from './options';
import { isoTimestamp, optionalText } from './read';

/** "Get" for any RMA collection: one ID field. */
export const getDescription = (resource: string) => forOperation(resource, 'get', [rmaIdField]);

export function readRmaId(this: IExecuteFunctions, itemIndex: number): string {
  return String(this.getNodeParameter('rmaId', itemIndex)).trim();
}

/** "Get Many" for any RMA collection: Return All/Limit and the filters that list accepts. */
export function getManyDescription(
  resource: string,
  statuses: readonly string[],
  extraFilters: INodeProperties[] = [],
): INodeProperties[] {
  const filters: INodeProperties[] = [
    ...extraFilters,
    createdAfterField,
    { displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
    { ...customerEmailField, required: false },
    { displayName: 'Status', name: 'status', type: 'options', options: enumOptions(statuses), default: '' },
    { displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
  ];
  return forOperation(resource, 'getMany', [...returnAllFields, filtersField(filters)]);
}

const DATE_FILTERS = [
  ['createdAfter', 'created_after'],
  ['createdBefore', 'created_before'],
  ['updatedAfter', 'updated_after'],
] as const;

/** The filters collection in the API's snake_case, dates as ISO timestamps; unset filters left out. */
export function readRmaFilters(this: IExecuteFunctions, itemIndex: number): RmaListFilters {
  const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
  const query: RmaListFilters = {};
  for (const [param, wire] of DATE_FILTERS) {
    if (optionalText(filters[param])) query[wire] = isoTimestamp.call(this, filters[param], param, itemIndex);
  }
  const status = optionalText(filters.status);
  if (status) query.status = status as RmaListFilters['status'];
  const email = optionalText(filters.customerEmail);
  if (email) query.customer_email = email;
  const kind = optionalText(filters.kind);
  if (kind) query.kind = kind as RmaListFilters['kind'];
  if (typeof filters.breached === 'boolean') query.breached = filters.breached;
  return query;
}
