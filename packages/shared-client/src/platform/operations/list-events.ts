import type { EventEnvelope, EventListFilters } from '../../contract';
import { sampleEvent } from '../../samples';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import * as f from './fields';
import { listUpTo, listed } from './list';
import { API_DOCS, defineOperation } from './types';

const fields: FieldSpec[] = [
  f.eventType,
  {
    key: 'subject_id',
    label: 'RMA ID',
    type: 'string',
    required: false,
    help: 'Only events about this RMA, e.g. rma_8f2k3j9x.',
  },
  f.createdAfter,
  f.limit,
];

export const listEvents = defineOperation<EventEnvelope[]>({
  key: 'list_events',
  kind: 'list',
  resource: 'event',
  n8nOperation: 'getMany',
  noun: 'Event',
  label: 'List Events',
  description: 'Lists events from the event log, newest first, to reconcile webhooks that were missed.',
  action: 'List events from the event log',
  docs: `${API_DOCS}#events`,
  fields,
  readOnly: true,
  destructive: false,
  output: 'event',
  returns: 'many',
  sample: sampleEvent('return.created'),
  example: { type: 'return.created', limit: 5 },
  run: (client, form) =>
    listUpTo(readForm(fields, form), (filters: EventListFilters) => client.events.iterate(filters)),
  summary: (events) => listed(events.length, 'event'),
  exceptions: {
    zapier:
      'Each Zapier instant trigger already shows recent events from the log (performList), and New Event covers any type; a step returning many events has no place in a Zap.',
  },
});
