import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Services } from './domain/services';
import { createServices } from './domain/services';
import { sqliteStorage } from './storage/sqlite';
import { SETTINGS } from './storage/settings-keys';
import { registerConsole } from './console/static-files';
import { createDeliveryService } from './delivery';
import type { DeliveryService } from './delivery';
import { frameworkErrors, installErrorHandling } from './http/errors';
import { IdempotencyGuard } from './http/idempotency';
import { buildOpenApiDocument } from './http/openapi';
import { registerRateLimit } from './http/rate-limit';
import type { RateBudget } from './http/rate-limit';
import { registerRoute } from './http/register-routes';
import type { PipelineDeps } from './http/register-routes';
import type { AnyRouteSpec, RouteContext } from './http/route';
import { ROUTES } from './http/routes';
import { zodValidatorCompiler } from './http/zod-validation';
import type { AppOptions, ResolvedOptions } from './options';
import { resolveOptions } from './options';

export interface MockApp {
  /** Not listening yet: use `app.inject()`, or `startMockServer` for a real port. */
  app: FastifyInstance;
  services: Services;
  delivery: DeliveryService;
  adminToken: string;
  options: ResolvedOptions;
  routes: readonly AnyRouteSpec[];
}

export async function buildApp(options: AppOptions = {}): Promise<MockApp> {
  const resolved = resolveOptions(options);
  const services =
    resolved.services ??
    createServices({
      clock: resolved.clock,
      storage: resolved.storage ?? (resolved.dataDir ? sqliteStorage(resolved.dataDir) : undefined),
      repositories: resolved.repositories,
      slaSeconds: resolved.slaSeconds,
      autoCloseSeconds: resolved.autoCloseSeconds,
    });

  const adminToken = durableAdminToken(services, options.adminToken, resolved.adminToken);

  // Webhook delivery: every event the log takes is handed to it; it owns the API clients' default webhooks.
  const delivery = createDeliveryService({
    ...resolved.webhooks,
    clock: services.clock,
    repositories: services.repositories,
    eventsBetween: (start, end) => services.events.listBetween(start, end),
    // A subscription whose client was never stored, or is gone (a sandbox reset while its webhook was
    // being created), receives nothing.
    isClientActive: (id) => services.repositories.apiClients.get(id)?.revoked_at === null,
  });
  services.events.setOutbox((event) => delivery.publish(event));
  services.apiClients.setWebhookProvisioner(delivery.provisionDefaultWebhook);
  const routes = ROUTES;
  let document: Record<string, unknown> | undefined;
  const context: RouteContext = {
    services,
    delivery,
    openApiDocument: () => (document ??= buildOpenApiDocument(routes)),
  };

  const app = Fastify({
    bodyLimit: resolved.bodyLimitBytes,
    forceCloseConnections: true,
    frameworkErrors: frameworkErrors(resolved.bodyLimitBytes),
    // Only what the route list (and so the OpenAPI document) describes.
    exposeHeadRoutes: false,
    logger: resolved.logger
      ? { redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]'], censor: '[redacted]' } }
      : false,
  });
  app.decorateRequest('apiClient', null);
  app.setValidatorCompiler(zodValidatorCompiler);
  // JSON only: without the text parser, any other content type is a 415 in the contract's shape.
  app.removeContentTypeParser(['text/plain']);
  installErrorHandling(app, resolved.bodyLimitBytes);
  await registerRateLimit(app, services.clock);

  const deps = {
    context,
    services,
    adminToken,
    idempotency: new IdempotencyGuard(
      services.repositories.idempotency,
      services.clock,
      resolved.idempotencyTtlSeconds,
      services.repositories.transaction,
    ),
    rateLimits: rateBudgets(resolved),
  };
  for (const route of routes) registerRoute(app, route, deps);
  await registerConsole(app);
  app.addHook('onClose', async () => {
    await delivery.close();
  });
  app.addHook('onClose', async () => services.stop());

  return { app, services, delivery, adminToken, options: resolved, routes };
}

/** Each budget's limit per window and API client; a budget switched off (`false`) is left out. */
function rateBudgets(resolved: ResolvedOptions): PipelineDeps['rateLimits'] {
  const windowSeconds = resolved.rateLimitWindowSeconds;
  const limits: Record<RateBudget, number | false> = {
    creation: resolved.rateLimit,
    transitions: resolved.transitionRateLimit,
    'webhook-sends': resolved.webhookSendRateLimit,
  };
  return Object.fromEntries(
    Object.entries(limits)
      .filter((entry): entry is [RateBudget, number] => entry[1] !== false)
      .map(([budget, max]) => [budget, { max, windowSeconds }]),
  );
}

/**
 * A durable sandbox keeps its generated admin token, so the console link and the scripts that use it
 * survive a restart; a token given by flag or environment is the operator's, and is not stored.
 */
function durableAdminToken(services: Services, given: string | undefined, generated: string): string {
  const storage = services.repositories;
  if (given !== undefined || storage.describe().engine === 'memory') return generated;
  const kept = storage.settings.get(SETTINGS.adminToken);
  if (kept) return kept;
  storage.settings.set(SETTINGS.adminToken, generated);
  return generated;
}
