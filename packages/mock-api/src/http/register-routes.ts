import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toJsonSchema } from '@returns-pack/shared-client';
import type { Services } from '../domain/services';
import { authHook } from './auth';
import type { IdempotencyGuard } from './idempotency';
import { idempotencyKeyOf, requestFingerprint } from './idempotency';
import { rateLimitRouteConfig } from './rate-limit';
import type { RateBudget } from './rate-limit';
import { recordSerializer } from './record-serializer';
import { serializationSchema } from './serialization-schema';
import type { AnyRouteSpec, RouteContext } from './route';
import { isIdempotent } from './route';

/** Routes without a query or body still refuse unknown fields in them. */
export const NO_QUERY = z.object({}).strict();
export const NO_BODY = z.object({}).strict().nullable();

export interface PipelineDeps {
  context: RouteContext;
  services: Services;
  adminToken: string;
  idempotency: IdempotencyGuard;
  /** The limit of each budget; a budget left out is not limited. */
  rateLimits: Partial<Record<RateBudget, { max: number; windowSeconds: number }>>;
}

export const successStatus = (route: AnyRouteSpec) => route.status ?? 200;

export function registerRoute(app: FastifyInstance, route: AnyRouteSpec, deps: PipelineDeps): void {
  const idempotent = isIdempotent(route);
  const limit = route.rateBudget && deps.rateLimits[route.rateBudget];
  app.route({
    method: route.method,
    url: route.url,
    schema: {
      ...(route.params ? { params: route.params } : {}),
      querystring: route.query ?? NO_QUERY,
      ...(route.method === 'GET' ? {} : { body: route.body ?? NO_BODY }),
      // Compiled by Fastify into a fast-json-stringify serializer; errors go through JSON.stringify.
      response: { [successStatus(route)]: serializationSchema(toJsonSchema(route.response, 'output')) },
    },
    ...(route.immutableRecords ? { serializerCompiler: () => recordSerializer(route.response) } : {}),
    onRequest: authHook(route.auth, deps.services, deps.adminToken),
    config:
      route.rateBudget && limit
        ? { rateLimit: rateLimitRouteConfig(route.rateBudget, limit.max, limit.windowSeconds) }
        : {},
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        client: request.apiClient,
      };
      const status = successStatus(route);
      const key = idempotent ? idempotencyKeyOf(request) : undefined;
      if (key === undefined || !request.apiClient) {
        return reply.code(status).send(await route.handler(input, deps.context));
      }
      // Synchronous handlers stay synchronous, so the guard can run them inside its transaction.
      const run = () => {
        const body: unknown = route.handler(input, deps.context);
        return body instanceof Promise
          ? body.then((resolved: unknown) => ({ status, body: resolved }))
          : { status, body };
      };
      // The path as requested, not the route's pattern: one key on two webhooks names two requests.
      const fingerprint = requestFingerprint(route.method, request.url, request.body);
      const result = await deps.idempotency.run(request.apiClient.id, key, fingerprint, run);
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(result.status).send(result.body);
    },
  });
}
