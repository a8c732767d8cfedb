import { z } from 'zod';
import { defineRoute } from '../route';

export const openApiRoutes = [
  defineRoute({
    method: 'GET',
    url: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document, generated from the schemas the server validates with',
    tag: 'Meta',
    auth: 'none',
    response: z.record(z.string(), z.unknown()),
    handler: (_input, { openApiDocument }) => openApiDocument(),
  }),
];
