import type { DeliveryConditions, EventEnvelope, WebhookSubscription } from '@returns-pack/shared-client';

/** Whether a subscription asked for this event: by type (or `*`), then by its conditions. */
export function wantsEvent(
  sub: Pick<WebhookSubscription, 'events' | 'conditions'>,
  event: EventEnvelope,
): boolean {
  if (!sub.events.includes('*') && !sub.events.includes(event.type)) return false;
  return meetsConditions(sub.conditions, event);
}

/**
 * Seed 003's conditions. An RMA without a shipment has not shipped yet, so it counts as `pre_transit`;
 * one without a return type (an offline repair) meets no `return_type` condition.
 */
export function meetsConditions(conditions: DeliveryConditions | null, event: EventEnvelope): boolean {
  if (!conditions) return true;
  const rma = event.data.rma;
  if (
    conditions.shipping_status &&
    !conditions.shipping_status.includes(rma.shipment?.status ?? 'pre_transit')
  ) {
    return false;
  }
  if (conditions.return_type && !(rma.return_type && conditions.return_type.includes(rma.return_type))) {
    return false;
  }
  return true;
}
