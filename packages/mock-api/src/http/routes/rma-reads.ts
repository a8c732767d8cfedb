import { KindListFilters, Page, Rma, RmaIdParams, RmaListFilters } from '@returns-pack/shared-client';
import type { RmaKind } from '@returns-pack/shared-client';
import { defineRoute } from '../route';
import type { AnyRouteSpec } from '../route';

const RmaPage = Page(Rma);

/** List and get for one kind's collection: the same filters as `/rmas` but `kind`, which the path fixes. */
function kindCollection(path: string, kind: RmaKind, tag: string, noun: string): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      url: `/external/v1/${path}`,
      operationId: `list${noun}s`,
      summary: `List ${tag.toLowerCase()}, newest first`,
      tag,
      auth: 'api-key',
      immutableRecords: true,
      query: KindListFilters,
      response: RmaPage,
      handler: ({ query }, { services }) => services.rmas.list({ ...query, kind }),
    }),
    defineRoute({
      method: 'GET',
      url: `/external/v1/${path}/:id`,
      operationId: `get${noun}`,
      summary: `Get one ${noun.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`,
      tag,
      auth: 'api-key',
      immutableRecords: true,
      params: RmaIdParams,
      response: Rma,
      handler: ({ params }, { services }) => services.rmas.get(params.id, kind),
    }),
  ];
}

/** All of one merchant's RMAs: every API client of the mock sees the same shop's data (seed 000). */
export const rmaReadRoutes: AnyRouteSpec[] = [
  ...kindCollection('trade-returns', 'trade_return', 'Trade returns', 'TradeReturn'),
  ...kindCollection('offline-repairs', 'offline_repair', 'Offline repairs', 'OfflineRepair'),
  defineRoute({
    method: 'GET',
    url: '/external/v1/rmas',
    operationId: 'listRmas',
    summary: 'List RMAs of both kinds, newest first',
    tag: 'RMAs',
    auth: 'api-key',
    immutableRecords: true,
    query: RmaListFilters,
    response: RmaPage,
    handler: ({ query }, { services }) => services.rmas.list(query),
  }),
  defineRoute({
    method: 'GET',
    url: '/external/v1/rmas/:id',
    operationId: 'getRma',
    summary: 'Get one RMA of either kind',
    tag: 'RMAs',
    auth: 'api-key',
    immutableRecords: true,
    params: RmaIdParams,
    response: Rma,
    handler: ({ params }, { services }) => services.rmas.get(params.id),
  }),
];
