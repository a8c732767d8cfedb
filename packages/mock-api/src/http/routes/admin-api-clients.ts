import { z } from 'zod';
import {
  ApiClient,
  ApiClientId,
  CreateApiClientBody,
  CreatedApiClient,
  Page,
} from '@returns-pack/shared-client';
import { defineRoute } from '../route';

const ApiClientIdParams = z.object({ id: ApiClientId }).strict();

export const adminApiClientRoutes = [
  defineRoute({
    method: 'POST',
    url: '/admin/v1/api-clients',
    operationId: 'createApiClient',
    summary: 'Create an API client; its key and webhook secret are shown in this answer only',
    tag: 'Admin',
    auth: 'admin',
    body: CreateApiClientBody,
    status: 201,
    response: CreatedApiClient,
    handler: ({ body }, { services }) => services.apiClients.create(body),
  }),
  defineRoute({
    method: 'GET',
    url: '/admin/v1/api-clients',
    operationId: 'listApiClients',
    summary: 'List API clients, oldest first (no keys or secrets)',
    tag: 'Admin',
    auth: 'admin',
    response: Page(ApiClient),
    handler: (_input, { services }) => ({
      data: services.apiClients.list(),
      has_more: false,
      next_cursor: null,
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/admin/v1/api-clients/:id/revoke',
    operationId: 'revokeApiClient',
    summary: 'Revoke an API client: its key is refused from the next request on',
    tag: 'Admin',
    auth: 'admin',
    params: ApiClientIdParams,
    response: ApiClient,
    handler: ({ params }, { services }) => services.apiClients.revoke(params.id),
  }),
];
