import { z } from 'zod';
import { Cursor, QueryLimit, Timestamp, prefixedId } from './primitives';
import { EventType } from './events';
import { ReturnType, ShipmentStatus } from './statuses';

export const WebhookId = prefixedId('wh').describe('webhook subscription id');

/** The contract's scheme names, fixed: checks outside this repo use them. */
export const SignatureScheme = z.enum(['hmac-sha256', 'bearer', 'jwt', 'standard-webhooks']);
export type SignatureScheme = z.infer<typeof SignatureScheme>;

export const RetryPolicy = z.enum(['none', 'exponential']);
export type RetryPolicy = z.infer<typeof RetryPolicy>;

/** Seconds to wait before each retry; seeds 001/002 say "with backoff" and leave the schedule to us. */
export const DEFAULT_RETRY_SCHEDULE = [5, 30, 120, 600, 1800] as const;

export const RetrySchedule = z.array(z.number().int().min(1).max(86_400)).min(1).max(10);

export const SubscribedEvents = z
  .array(z.union([EventType, z.literal('*')]))
  .min(1)
  .max(50)
  .describe('event types, or ["*"] for all');

export const DeliveryConditions = z
  .object({
    shipping_status: z.array(ShipmentStatus).min(1).optional(),
    return_type: z.array(ReturnType).min(1).optional(),
  })
  .strict();
export type DeliveryConditions = z.infer<typeof DeliveryConditions>;

const WebhookUrl = z.url({ protocol: /^https?$/ }).max(2048);

export const CreateWebhookBody = z
  .object({
    url: WebhookUrl,
    events: SubscribedEvents,
    scheme: SignatureScheme.optional(),
    retry_policy: RetryPolicy.optional(),
    retry_schedule: RetrySchedule.optional(),
    conditions: DeliveryConditions.optional(),
    description: z.string().max(500).optional(),
    /** Redo lets the subscriber choose its secret; otherwise the server generates one. */
    secret: z.string().min(16).max(200).optional(),
  })
  .strict();
export type CreateWebhookBody = z.input<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z
  .object({
    url: WebhookUrl.optional(),
    events: SubscribedEvents.optional(),
    retry_policy: RetryPolicy.optional(),
    retry_schedule: RetrySchedule.optional(),
    conditions: DeliveryConditions.nullable().optional(),
    description: z.string().max(500).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateWebhookBody = z.input<typeof UpdateWebhookBody>;

export const WebhookSubscription = z.object({
  id: WebhookId,
  url: z.string(),
  events: z.array(z.union([EventType, z.literal('*')])),
  scheme: SignatureScheme,
  retry_policy: RetryPolicy,
  retry_schedule: z.array(z.number().int()),
  conditions: DeliveryConditions.nullable(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

/** Only the create answer carries the secret: it is shown once. */
export const CreatedWebhookSubscription = WebhookSubscription.extend({ secret: z.string() });
export type CreatedWebhookSubscription = z.infer<typeof CreatedWebhookSubscription>;

export const ReplayBody = z
  .object({ start_time: Timestamp, end_time: Timestamp })
  .strict()
  .refine((b) => Date.parse(b.start_time) <= Date.parse(b.end_time), {
    message: 'must not be before start_time',
    path: ['end_time'],
  });
export type ReplayBody = z.input<typeof ReplayBody>;

export const ReplayResult = z.object({ replayed: z.number().int().nonnegative() });

export const TestEventBody = z.object({ type: EventType.optional() }).strict();
export type TestEventBody = z.input<typeof TestEventBody>;

export const DeliveryOutcome = z.enum(['delivered', 'failed', 'given_up']);

export const DeliveryAttempt = z.object({
  id: prefixedId('dlv'),
  webhook_id: WebhookId,
  event_id: z.string(),
  event_type: EventType,
  attempt: z.number().int().positive(),
  status_code: z.number().int().nullable(),
  duration_ms: z.number().nonnegative(),
  error: z.string().nullable(),
  outcome: DeliveryOutcome,
  response_snippet: z.string().nullable(),
  at: Timestamp,
  next_attempt_at: Timestamp.nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const DeliveryListFilters = z
  .object({
    event_id: z.string().max(100).optional(),
    outcome: DeliveryOutcome.optional(),
    cursor: Cursor.optional(),
    limit: QueryLimit,
  })
  .strict();
export type DeliveryListFilters = z.input<typeof DeliveryListFilters>;

/** v1.1 secret rotation: up to a week of overlap, a day by default (Stripe's default too). */
export const MAX_GRACE_SECONDS = 604_800;
export const DEFAULT_GRACE_SECONDS = 86_400;

export const RotateSecretBody = z
  .object({ grace_seconds: z.number().int().min(0).max(MAX_GRACE_SECONDS).optional() })
  .strict();
export type RotateSecretBody = z.input<typeof RotateSecretBody>;

/** The new secret is shown in this answer only; the previous one keeps working until the time given. */
export const RotatedSecret = z.object({ secret: z.string(), previous_secret_expires_at: Timestamp });
export type RotatedSecret = z.infer<typeof RotatedSecret>;
