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

/** Where the sandbox's data lives (paths null in memory), and how much it holds: the console's Sandbox panel. */
export const SandboxState = z.object({
  storage: z.object({
    engine: z.enum(['memory', 'sqlite']),
    data_dir: z.string().nullable(),
    file: z.string().nullable(),
  }),
  counts: z.object({
    rmas: z.number().int(),
    api_clients: z.number().int(),
    webhook_subscriptions: z.number().int(),
    /** Queued or waiting for a retry on the clock, attempts on the wire included. */
    deliveries_waiting: z.number().int(),
  }),
});
export type SandboxState = z.infer<typeof SandboxState>;

/**
 * The word spelled out: a stray or empty POST must never empty a sandbox. A missing body names
 * `confirm` too, so that the refusal says what to send.
 */
export const SandboxResetBody = z
  .object({
    confirm: z.literal('reset', {
      error: (issue) =>
        issue.input === undefined ? 'is required: send {"confirm": "reset"}' : 'must be "reset"',
    }),
  })
  .strict()
  .nullish()
  .refine((body) => body != null, { path: ['confirm'], error: 'is required: send {"confirm": "reset"}' });
