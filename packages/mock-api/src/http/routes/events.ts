import { EventEnvelope, EventListFilters, Page } from '@returns-pack/shared-client';
import { defineRoute } from '../route';

export const eventRoutes = [
  defineRoute({
    method: 'GET',
    url: '/external/v1/events',
    operationId: 'listEvents',
    summary: 'List events, newest first, to reconcile missed webhooks',
    tag: 'Events',
    auth: 'api-key',
    immutableRecords: true,
    query: EventListFilters,
    response: Page(EventEnvelope),
    handler: ({ query }, { services }) => services.events.list(query),
  }),
];
