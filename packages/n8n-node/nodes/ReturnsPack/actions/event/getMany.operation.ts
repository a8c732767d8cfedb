import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { eventTypeOptions } from '@returns-pack/shared-client';
import type { EventListFilters, EventType, ReturnsClient } from '@returns-pack/shared-client';
import { createdAfterField, filtersField, forOperation, returnAllFields } from '../common/fields';
import { isoTimestamp, optionalText, readList } from '../common/read';

export const description = forOperation('event', 'getMany', [
  ...returnAllFields,
  filtersField([
    createdAfterField,
    {
      displayName: 'Subject ID',
      name: 'subjectId',
      type: 'string',
      default: '',
      placeholder: 'rma_8ZbX2k',
      description: 'Only events about this RMA',
    },
    {
      displayName: 'Type',
      name: 'type',
      type: 'options',
      options: eventTypeOptions()
        .map((o) => ({ name: o.label, value: o.value, description: o.description }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      default: 'return.created',
    },
  ]),
]);

export async function execute(this: IExecuteFunctions, client: ReturnsClient, itemIndex: number) {
  const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
  const query: EventListFilters = {
    type: optionalText(filters.type) as EventType | undefined,
    subject_id: optionalText(filters.subjectId),
  };
  if (optionalText(filters.createdAfter)) {
    query.created_after = isoTimestamp.call(this, filters.createdAfter, 'createdAfter', itemIndex);
  }
  return readList(this, itemIndex, (limit) => client.events.iterate({ ...query, limit }));
}
