import { EVENT_CATALOGUE } from '../contract';
import type { EventType } from '../contract';
import { refuse } from './errors';
import type { NormalizedDelivery } from './normalize/payload';
import { SWAP_EVENTS } from './normalize/swap';
import type { DeliveryJwtClaims } from './schemes/jwt';

/** Our event type for a JWT `event` claim, whether it uses our names or SWAP's. */
export function claimedType(event: unknown): EventType | undefined {
  if (typeof event !== 'string') return undefined;
  if (Object.hasOwn(EVENT_CATALOGUE, event)) return event as EventType;
  return Object.hasOwn(SWAP_EVENTS, event) ? SWAP_EVENTS[event] : undefined;
}

/**
 * The JWT does not sign the payload beside it: these ties are all that bind the two. The return id
 * always; for our own envelopes, which state an event id and type, those too, so that a captured JWT
 * cannot carry a forged or swapped event of the same return.
 */
export function checkClaimsBindPayload(claims: DeliveryJwtClaims, delivery: NormalizedDelivery): void {
  const mismatch = (claim: string) =>
    refuse(
      'claim_mismatch',
      `The JWT's ${claim} does not match the payload beside it: the payload may have been altered or swapped.`,
    );
  if (claims.return_id !== delivery.returnId) mismatch('return_id');
  // Only our envelopes state an event id; a vendor payload's is derived, so there is nothing to compare.
  const ours = delivery.eventId !== undefined;
  if (ours && claims.event_id !== delivery.eventId) mismatch('event_id');
  if ((ours || claims.event !== undefined) && claimedType(claims.event) !== delivery.event.type) {
    mismatch('event');
  }
}
