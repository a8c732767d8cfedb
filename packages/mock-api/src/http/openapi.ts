import type { z } from 'zod';
import { ErrorBody, toJsonSchema } from '@returns-pack/shared-client';
import type { AnyRouteSpec } from './route';
import { isIdempotent } from './route';
import { NO_QUERY, successStatus } from './register-routes';

type Json = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '`validation_failed`: a field is missing, malformed or unknown (named in `details`), or the body is not JSON',
  401: '`unauthorized`: missing, unknown or revoked credentials',
  404: '`not_found`',
  409: '`conflict` (Idempotency-Key reused for another request) or `invalid_transition`',
  413: '`payload_too_large`',
  415: '`validation_failed`: the body is not `application/json`',
  429: '`rate_limited`: see `Retry-After`',
  500: '`internal`',
};

const header = (description: string, type: 'integer' | 'string' = 'integer') => ({
  description,
  schema: { type },
});
const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': header('requests allowed per window'),
  'RateLimit-Remaining': header('requests left in this window'),
  'RateLimit-Reset': header('seconds until the window resets'),
};

/**
 * The OpenAPI 3.1 document of the given routes, from the very schemas the server validates and
 * serializes with, so it cannot drift from the implementation.
 */
export function buildOpenApiDocument(routes: readonly AnyRouteSpec[], version = '1.0.0'): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z_]\w*)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Returns API (mock)',
      version,
      description:
        'The returns API contract served by the local mock: external API for integrations, admin API for the merchant.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    components: {
      securitySchemes: {
        ApiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        AdminToken: { type: 'http', scheme: 'bearer', description: 'the admin token printed at start-up' },
      },
    },
    paths,
  };
}

function operation(route: AnyRouteSpec): Json {
  const idempotent = isIdempotent(route);
  const parameters = [
    ...parametersOf(route.params, 'path'),
    ...parametersOf(route.query ?? NO_QUERY, 'query'),
    ...(idempotent
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'retrying with the same key and body returns the first answer, flagged `Idempotent-Replayed: true`',
            schema: { type: 'string', minLength: 1, maxLength: 255 },
          },
        ]
      : []),
  ];
  const op: Json = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security:
      route.auth === 'api-key' ? [{ ApiKey: [] }] : route.auth === 'admin' ? [{ AdminToken: [] }] : [],
    parameters,
    responses: { ...successResponses(route, idempotent), ...errorResponses(route, idempotent) },
  };
  if (route.body) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: toJsonSchema(route.body, 'input') } },
    };
  }
  return op;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

function successResponses(route: AnyRouteSpec, idempotent: boolean): Json {
  const headers: Json = route.rateBudget ? { ...RATE_LIMIT_HEADERS } : {};
  if (idempotent)
    headers['Idempotent-Replayed'] = header(
      '`true` when this is the kept answer to an earlier request',
      'string',
    );
  return {
    [successStatus(route)]: {
      description: route.summary,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      content: { 'application/json': { schema: toJsonSchema(route.response, 'output') } },
    },
  };
}

function errorResponses(route: AnyRouteSpec, idempotent: boolean): Json {
  const statuses = new Set([400, 500, ...(route.errors ?? [])]);
  if (route.auth !== 'none') statuses.add(401);
  if (route.params) statuses.add(404);
  if (route.method !== 'GET') [413, 415].forEach((s) => statuses.add(s));
  if (idempotent) statuses.add(409);
  if (route.rateBudget) statuses.add(429);
  const schema = toJsonSchema(ErrorBody, 'output');
  return Object.fromEntries(
    [...statuses]
      .sort((a, b) => a - b)
      .map((status) => [
        String(status),
        {
          description: ERROR_DESCRIPTIONS[status] ?? 'error',
          ...(status === 429
            ? { headers: { ...RATE_LIMIT_HEADERS, 'Retry-After': header('seconds to wait') } }
            : {}),
          content: { 'application/json': { schema } },
        },
      ]),
  );
}
