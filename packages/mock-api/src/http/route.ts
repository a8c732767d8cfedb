import type { z } from 'zod';
import type { ApiClient } from '@returns-pack/shared-client';
import type { DeliveryService } from '../delivery';
import type { Services } from '../domain/services';
import type { RateBudget } from './rate-limit';

/** Who may call a route: an API client (`X-Api-Key`), the merchant (admin bearer token), or anyone. */
export type AuthMode = 'api-key' | 'admin' | 'none';

/** What every handler gets besides its own input. Webhook delivery adds its service here. */
export interface RouteContext {
  services: Services;
  delivery: DeliveryService;
  openApiDocument: () => Record<string, unknown>;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The authenticated API client on `api-key` routes, else null. */
  client: ApiClient | null;
}

/**
 * One route as data: the pipeline (auth → rate limit → parse and validate → act → answer) is the
 * same for all, driven by these schemas, and the OpenAPI document is generated from the same list.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Fastify syntax: `/external/v1/rmas/:id`. */
  url: string;
  operationId: string;
  summary: string;
  tag: string;
  auth: AuthMode;
  params?: P;
  query?: Q;
  body?: B;
  /** The success status (default 200) and its body; errors are the contract's ErrorBody, on every route. */
  status?: 200 | 201;
  response: R;
  /** Error statuses beyond those implied by auth, params, body, rate limit and idempotency. */
  errors?: number[];
  /** The budget the route draws on, shared by its routes, per API client; none when absent. */
  rateBudget?: RateBudget;
  /**
   * The answer is an immutable record (an RMA, an event) or a page of them: each record's JSON is
   * made once and reused (see record-serializer.ts). Never for anything changed in place.
   */
  immutableRecords?: boolean;
  // A method, not a property: its parameters stay bivariant, so specific routes fit in one list.
  handler(
    input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
    context: RouteContext,
  ): z.output<R> | Promise<z.output<R>>;
}

export type AnyRouteSpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;

/** Identity, for inference: the handler's input and answer types follow from the schemas given. */
export function defineRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  return spec;
}

/** POSTs by an API client accept `Idempotency-Key`, scoped to that client. */
export const isIdempotent = (route: AnyRouteSpec) => route.method === 'POST' && route.auth === 'api-key';
