import type { FastifyInstance } from 'fastify';
import type { CreatedApiClient } from '@returns-pack/shared-client';
import { buildApp } from './app';
import type { Clock } from './domain/clock';
import type { DeliveryService } from './delivery';
import type { CreateApiClientInput } from './domain/api-clients';
import type { Services } from './domain/services';
import type { AppOptions } from './options';

export interface MockServerOptions extends AppOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface MockServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  adminToken: string;
  clock: Clock;
  services: Services;
  /** Webhook delivery; `await server.delivery.settled()` waits out the deliveries in flight. */
  delivery: DeliveryService;
  app: FastifyInstance;
  /** A new API client, as `POST /admin/v1/api-clients` would make it (key and secret included). */
  createApiClient(options?: Partial<CreateApiClientInput>): Promise<CreatedApiClient>;
  close(): Promise<void>;
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', ...appOptions } = options;
  const { app, services, delivery, adminToken } = await buildApp(appOptions);
  await app.listen({ port, host });
  const address = app.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('server is not listening on a TCP port');
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let clients = 0;
  return {
    url: `http://${hostname}:${address.port}`,
    adminToken,
    clock: services.clock,
    services,
    delivery,
    app,
    createApiClient: (input = {}) =>
      services.apiClients.create({
        name: input.name ?? `client ${++clients}`,
        webhook_url: input.webhook_url,
      }),
    close: () => app.close(),
  };
}
