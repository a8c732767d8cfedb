import type { DeliveryAttempt, EventEnvelope, Page, Rma } from '@returns-pack/shared-client';
import type { DeliveryService } from '../delivery';
import { notFound } from '../domain/errors';
import type { EventLog } from '../domain/event-log';
import type { Services } from '../domain/services';
import { nextStatuses } from '../domain/transitions';
import { MAX_SUBSCRIPTIONS_PER_CLIENT } from '../delivery/subscription-store';
import type { AdminDeliveryFilters, AdminRma, AdminWebhookSubscription } from './schemas';

/** Every client's subscriptions, newest first. A client holds at most one page of them, so one read each. */
export function allSubscriptions(services: Services, delivery: DeliveryService): AdminWebhookSubscription[] {
  return services.apiClients
    .list()
    .flatMap((client) =>
      delivery
        .listSubscriptions(client.id, { limit: MAX_SUBSCRIPTIONS_PER_CLIENT })
        .data.map((sub) => ({ ...sub, api_client_id: client.id })),
    )
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
}

/** The newest attempts of one subscription, or of all of them merged by time. */
export function recentDeliveries(
  services: Services,
  delivery: DeliveryService,
  filters: AdminDeliveryFilters,
): Page<DeliveryAttempt> {
  const { webhook_id: only, ...query } = filters;
  const owners =
    only === undefined
      ? allSubscriptions(services, delivery).map((s) => [s.id, s.api_client_id] as const)
      : [[only, delivery.ownerOf(only)] as const];
  const pages = owners.map(([id, owner]) => delivery.listDeliveries(owner, id, query));
  // Each page is newest first already; a stable sort keeps that order among attempts of the same instant.
  const merged = pages.flatMap((p) => p.data).sort((a, b) => b.at.localeCompare(a.at));
  return {
    data: merged.slice(0, query.limit),
    has_more: merged.length > query.limit || pages.some((p) => p.has_more),
    next_cursor: null,
  };
}

export function findEvent(events: EventLog, id: string): EventEnvelope {
  const event = events.get(id);
  if (!event) throw notFound('event', id);
  return event;
}

export const withNextStatuses = (rma: Rma): AdminRma => ({ ...rma, next_statuses: nextStatuses(rma) });
