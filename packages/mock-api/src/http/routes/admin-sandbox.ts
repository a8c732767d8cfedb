import { resetSandbox } from '../../console/reset-sandbox';
import { sandboxState } from '../../console/sandbox-state';
import { SandboxResetBody, SandboxState } from '../../console/schemas';
import { defineRoute } from '../route';

const admin = { tag: 'Admin', auth: 'admin' } as const;

/** The console's Sandbox panel: where the data lives, how much there is, and a reset. */
export const adminSandboxRoutes = [
  defineRoute({
    ...admin,
    method: 'GET',
    url: '/admin/v1/sandbox',
    operationId: 'getSandbox',
    summary: 'Where the data lives (memory, or a SQLite file) and what the sandbox holds',
    response: SandboxState,
    handler: (_input, { services, delivery }) => sandboxState(services, delivery),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    url: '/admin/v1/sandbox/reset',
    operationId: 'resetSandbox',
    summary:
      'Empty the sandbox (RMAs, events, API clients, webhooks, deliveries queued or logged, idempotency keys); the admin token and the clock offset stay',
    body: SandboxResetBody,
    response: SandboxState,
    handler: (_input, { services, delivery }) => {
      resetSandbox(services, delivery);
      return sandboxState(services, delivery);
    },
  }),
];
