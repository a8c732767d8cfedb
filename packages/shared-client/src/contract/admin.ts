import { z } from 'zod';
import { Timestamp, prefixedId } from './primitives';
import { EventType } from './events';
import { RmaStatus } from './statuses';

export const ApiClientId = prefixedId('cli');

export const CreateApiClientBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    webhook_url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
  })
  .strict();
export type CreateApiClientBody = z.input<typeof CreateApiClientBody>;

export const ApiClient = z.object({
  id: ApiClientId,
  name: z.string(),
  webhook_url: z.string().nullable(),
  key_prefix: z
    .string()
    .describe('first characters of the key, to recognise it; the key itself is never shown again'),
  created_at: Timestamp,
  revoked_at: Timestamp.nullable(),
});
export type ApiClient = z.infer<typeof ApiClient>;

export const CreatedApiClient = ApiClient.extend({
  api_key: z.string(),
  webhook_secret: z.string(),
  webhook_id: z.string().nullable(),
});
export type CreatedApiClient = z.infer<typeof CreatedApiClient>;

export const TransitionBody = z.object({ to: RmaStatus, note: z.string().max(500).optional() }).strict();
export type TransitionBody = z.input<typeof TransitionBody>;

export const ClockAdvanceBody = z
  .object({
    seconds: z
      .number()
      .int()
      .min(1)
      .max(366 * 86_400),
  })
  .strict();

export const ClockState = z.object({ now: Timestamp, offset_seconds: z.number() });
export type ClockState = z.infer<typeof ClockState>;

/** `POST /admin/v1/rmas/{id}/events`: emit any catalogue event for an RMA through the event log. */
export const EmitEventBody = z.object({ type: EventType }).strict();
export type EmitEventBody = z.input<typeof EmitEventBody>;
