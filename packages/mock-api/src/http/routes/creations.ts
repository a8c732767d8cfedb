import { CreateOfflineRepairBody, CreateTradeReturnBody, Rma } from '@returns-pack/shared-client';
import { defineRoute } from '../route';

/** The two creation routes: rate-limited per API client, idempotent with `Idempotency-Key`. */
export const creationRoutes = [
  defineRoute({
    method: 'POST',
    url: '/external/v1/trade-returns',
    operationId: 'createTradeReturn',
    summary: 'Create a trade return',
    tag: 'Trade returns',
    auth: 'api-key',
    immutableRecords: true,
    rateBudget: 'creation',
    body: CreateTradeReturnBody,
    status: 201,
    response: Rma,
    handler: ({ body }, { services }) => services.rmas.createTradeReturn(body),
  }),
  defineRoute({
    method: 'POST',
    url: '/external/v1/offline-repairs',
    operationId: 'createOfflineRepair',
    summary: 'Create an offline repair (starts COUNTER_SWAPPED)',
    tag: 'Offline repairs',
    auth: 'api-key',
    immutableRecords: true,
    rateBudget: 'creation',
    body: CreateOfflineRepairBody,
    status: 201,
    response: Rma,
    handler: ({ body }, { services }) => services.rmas.createOfflineRepair(body),
  }),
];
