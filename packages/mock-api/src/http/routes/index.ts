import { consoleAdminRoutes } from '../../console/admin-routes';
import type { AnyRouteSpec } from '../route';
import { adminApiClientRoutes } from './admin-api-clients';
import { adminClockRoutes } from './admin-clock';
import { adminRmaRoutes } from './admin-rmas';
import { adminSandboxRoutes } from './admin-sandbox';
import { creationRoutes } from './creations';
import { eventRoutes } from './events';
import { openApiRoutes } from './openapi';
import { rmaActionRoutes } from './rma-actions';
import { rmaReadRoutes } from './rma-reads';
import { webhookRoutes } from './webhooks';

/**
 * Every route the server has, in one list: `buildApp` registers it and `/openapi.json` describes it.
 * Webhook routes (routes/webhooks.ts, owned by delivery) join here, as one more spread.
 */
export const ROUTES: AnyRouteSpec[] = [
  ...creationRoutes,
  ...rmaReadRoutes,
  ...rmaActionRoutes,
  ...eventRoutes,
  ...webhookRoutes,
  ...adminApiClientRoutes,
  ...adminRmaRoutes,
  ...adminClockRoutes,
  ...adminSandboxRoutes,
  ...consoleAdminRoutes,
  ...openApiRoutes,
];
