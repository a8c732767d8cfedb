import type { EventEnvelope } from '../../contract';

/** What a normalizer hands back: the envelope, plus the sender's own ids for the JWT claim checks. */
export interface NormalizedDelivery {
  event: EventEnvelope;
  /** The return id exactly as the payload states it (a vendor id, or our `rma_…`). */
  returnId: string;
  /** The event id the payload states, when it has one. */
  eventId?: string;
}

/** The JWT claims a normalizer may need (the event name travels only in SWAP's JWT). */
export interface DeliveryClaims {
  event?: unknown;
  event_id?: unknown;
  iat?: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
