import { z } from 'zod';
import {
  ApiClientId,
  DeliveryListFilters,
  EventEnvelope,
  EventId,
  Page,
  Rma,
  RmaStatus,
  WebhookId,
  WebhookSubscription,
} from '@returns-pack/shared-client';

/**
 * The admin views the developer console reads, made from the contract's schemas: the external API
 * scopes webhooks to one API client, the console sees every client's.
 */
export const AdminWebhookSubscription = WebhookSubscription.extend({ api_client_id: ApiClientId });
export type AdminWebhookSubscription = z.infer<typeof AdminWebhookSubscription>;
export const AdminWebhookPage = Page(AdminWebhookSubscription);

/** The newest attempts across subscriptions: no cursor, since a merged log has no single order to resume. */
export const AdminDeliveryFilters = DeliveryListFilters.omit({ cursor: true })
  .extend({ webhook_id: WebhookId.optional() })
  .strict();
export type AdminDeliveryFilters = z.output<typeof AdminDeliveryFilters>;

export const ResendBody = z.object({ event_id: EventId }).strict();
export const ResendResult = z.object({ event: EventEnvelope });

/** An RMA with the moves its status machine allows now, so the page needs no copy of the machine. */
export const AdminRma = Rma.extend({ next_statuses: z.array(RmaStatus) });
export type AdminRma = z.infer<typeof AdminRma>;
