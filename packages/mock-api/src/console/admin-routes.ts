import { z } from 'zod';
import {
  DeliveryAttempt,
  Page,
  ReplayBody,
  ReplayResult,
  RmaListFilters,
  RotateSecretBody,
  RotatedSecret,
  WebhookId,
} from '@returns-pack/shared-client';
import { defineRoute } from '../http/route';
import type { AnyRouteSpec } from '../http/route';
import { allSubscriptions, findEvent, recentDeliveries, withNextStatuses } from './admin-reads';
import { AdminDeliveryFilters, AdminRma, AdminWebhookPage, ResendBody, ResendResult } from './schemas';

const WebhookParams = z.object({ id: WebhookId }).strict();
const admin = { tag: 'Admin', auth: 'admin' } as const;

/**
 * What the developer console reads and does beyond the other admin routes: every client's webhooks
 * and deliveries, replay and resend for any of them, and RMAs with their possible next statuses.
 */
export const consoleAdminRoutes: AnyRouteSpec[] = [
  defineRoute({
    ...admin,
    method: 'GET',
    url: '/admin/v1/webhooks',
    operationId: 'adminListWebhooks',
    summary: "Every API client's webhook subscriptions, newest first (no secrets)",
    response: AdminWebhookPage,
    handler: (_input, { services, delivery }) => ({
      data: allSubscriptions(services, delivery),
      has_more: false,
      next_cursor: null,
    }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    url: '/admin/v1/deliveries',
    operationId: 'adminListDeliveries',
    summary: 'The newest delivery attempts of one subscription or of all of them, newest first',
    query: AdminDeliveryFilters,
    response: Page(DeliveryAttempt),
    errors: [404],
    handler: ({ query }, { services, delivery }) => recentDeliveries(services, delivery, query),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    url: '/admin/v1/webhooks/:id/replay',
    operationId: 'adminReplayWebhook',
    summary: "Re-send a window's matching events to any client's subscription, same ids, flagged replay",
    params: WebhookParams,
    body: ReplayBody,
    response: ReplayResult,
    handler: ({ params, body }, { delivery }) =>
      delivery.replay(delivery.ownerOf(params.id), params.id, body),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    url: '/admin/v1/webhooks/:id/resend',
    operationId: 'adminResendEvent',
    summary: 'Re-send one logged event to a subscription that receives its type, flagged replay',
    params: WebhookParams,
    body: ResendBody,
    response: ResendResult,
    errors: [409],
    handler: ({ params, body }, { services, delivery }) =>
      delivery.resend(delivery.ownerOf(params.id), params.id, findEvent(services.events, body.event_id)),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    url: '/admin/v1/webhooks/:id/rotate-secret',
    operationId: 'adminRotateWebhookSecret',
    summary:
      "Rotate any client's subscription secret (the console's Rotate secret): the new one shown once, the previous one signing on for grace_seconds",
    params: WebhookParams,
    body: RotateSecretBody.nullable()
      .optional()
      .transform((b) => b ?? {}),
    response: RotatedSecret,
    handler: ({ params, body }, { delivery }) =>
      delivery.rotateSecret(delivery.ownerOf(params.id), params.id, body.grace_seconds),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    url: '/admin/v1/rmas',
    operationId: 'adminListRmas',
    summary: 'RMAs of both kinds, newest first, each with the statuses it may move to next',
    query: RmaListFilters,
    response: Page(AdminRma),
    handler: ({ query }, { services }) => {
      const page = services.rmas.list(query);
      return { ...page, data: page.data.map(withNextStatuses) };
    },
  }),
];
