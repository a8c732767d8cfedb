import { z } from 'zod';
import {
  CreateWebhookBody,
  CreatedWebhookSubscription,
  Cursor,
  DeliveryAttempt,
  DeliveryListFilters,
  EventEnvelope,
  Page,
  QueryLimit,
  ReplayBody,
  ReplayResult,
  RotateSecretBody,
  RotatedSecret,
  TestEventBody,
  UpdateWebhookBody,
  WebhookId,
  WebhookSubscription,
} from '@returns-pack/shared-client';
import type { ApiClient } from '@returns-pack/shared-client';
import { DomainError } from '../../domain/errors';
import { defineRoute } from '../route';

const WebhookParams = z.object({ id: WebhookId }).strict();
const SubscriptionListQuery = z.object({ limit: QueryLimit, cursor: Cursor.optional() }).strict();
const Deleted = z.object({ id: WebhookId, deleted: z.literal(true) });
const TestEventResult = z.object({ event: EventEnvelope });
/** POST bodies that are all optional may be left out entirely. */
const optionalBody = <T extends z.ZodType>(schema: T) =>
  schema
    .nullable()
    .optional()
    .transform((b): z.output<T> | Record<string, never> => b ?? {});

/** Subscriptions belong to the API client that made them; the auth hook has set it on `api-key` routes. */
function owner(client: ApiClient | null): string {
  if (!client) throw new DomainError('unauthorized', 'Missing X-Api-Key header');
  return client.id;
}

const BASE = '/external/v1/webhooks';
const common = { tag: 'Webhooks', auth: 'api-key' } as const;

export const webhookRoutes = [
  defineRoute({
    ...common,
    method: 'POST',
    url: BASE,
    operationId: 'createWebhook',
    summary: 'Subscribe a URL to events; the signing secret is shown in this answer only',
    body: CreateWebhookBody,
    status: 201,
    response: CreatedWebhookSubscription,
    errors: [409],
    handler: ({ body, client }, { delivery }) => delivery.createSubscription(owner(client), body),
  }),
  defineRoute({
    ...common,
    method: 'GET',
    url: BASE,
    operationId: 'listWebhooks',
    summary: "List this API client's webhook subscriptions, newest first",
    query: SubscriptionListQuery,
    response: Page(WebhookSubscription),
    handler: ({ query, client }, { delivery }) => delivery.listSubscriptions(owner(client), query),
  }),
  defineRoute({
    ...common,
    method: 'GET',
    url: `${BASE}/:id`,
    operationId: 'getWebhook',
    summary: 'One webhook subscription (without its secret)',
    params: WebhookParams,
    response: WebhookSubscription,
    handler: ({ params, client }, { delivery }) => delivery.getSubscription(owner(client), params.id),
  }),
  defineRoute({
    ...common,
    method: 'PATCH',
    url: `${BASE}/:id`,
    operationId: 'updateWebhook',
    summary: 'Change a subscription: URL, events, retries, conditions, description, enabled',
    params: WebhookParams,
    body: UpdateWebhookBody,
    response: WebhookSubscription,
    handler: ({ params, body, client }, { delivery }) =>
      delivery.updateSubscription(owner(client), params.id, body),
  }),
  defineRoute({
    ...common,
    method: 'DELETE',
    url: `${BASE}/:id`,
    operationId: 'deleteWebhook',
    summary: 'Delete a subscription; deliveries waiting for it are dropped with it',
    params: WebhookParams,
    response: Deleted,
    handler: ({ params, client }, { delivery }) => delivery.deleteSubscription(owner(client), params.id),
  }),
  defineRoute({
    ...common,
    method: 'POST',
    url: `${BASE}/:id/rotate-secret`,
    operationId: 'rotateWebhookSecret',
    summary:
      'A new signing secret, shown in this answer only; the previous one keeps deliveries verifying for grace_seconds (default a day)',
    params: WebhookParams,
    body: optionalBody(RotateSecretBody),
    response: RotatedSecret,
    handler: ({ params, body, client }, { delivery }) =>
      delivery.rotateSecret(owner(client), params.id, body.grace_seconds),
  }),
  defineRoute({
    ...common,
    method: 'POST',
    url: `${BASE}/:id/replay`,
    operationId: 'replayWebhook',
    summary: "Re-send the window's matching events, same ids, flagged replay",
    params: WebhookParams,
    body: ReplayBody,
    response: ReplayResult,
    rateBudget: 'webhook-sends',
    errors: [409],
    handler: ({ params, body, client }, { delivery }) => delivery.replay(owner(client), params.id, body),
  }),
  defineRoute({
    ...common,
    method: 'POST',
    url: `${BASE}/:id/test`,
    operationId: 'testWebhook',
    summary: 'Send one test event (a sample RMA, flagged test) of the type given, return.created by default',
    params: WebhookParams,
    body: optionalBody(TestEventBody),
    response: TestEventResult,
    rateBudget: 'webhook-sends',
    handler: ({ params, body, client }, { delivery }) => delivery.sendTest(owner(client), params.id, body),
  }),
  defineRoute({
    ...common,
    method: 'GET',
    url: `${BASE}/:id/deliveries`,
    operationId: 'listWebhookDeliveries',
    summary:
      'The delivery log: every attempt, newest first (the oldest drop out past the per-subscription cap)',
    params: WebhookParams,
    query: DeliveryListFilters,
    response: Page(DeliveryAttempt),
    handler: ({ params, query, client }, { delivery }) =>
      delivery.listDeliveries(owner(client), params.id, query),
  }),
];
