import type { Authenticated } from '../authenticated';
import { parseJsonBody } from '../body';
import { checkClaimsBindPayload, claimedType } from '../claims-binding';
import type { PayloadFormat } from '../options';
import { refuse } from '../errors';
import type { DeliveryClaims, NormalizedDelivery } from './payload';
import { isRecord } from './payload';
import { fromRedo } from './redo';
import { fromReturnsApi } from './returns-api';
import { fromSwap, fromSwapClaims } from './swap';

export type { DeliveryClaims, NormalizedDelivery } from './payload';
export { SWAP_EVENTS } from './swap';

/** Which sender a payload comes from, recognised by the fields only that sender uses. */
function detect(payload: unknown): Exclude<PayloadFormat, 'auto'> {
  if (isRecord(payload)) {
    if (
      payload.api_version !== undefined ||
      (typeof payload.id === 'string' && payload.id.startsWith('evt_'))
    ) {
      return 'returns-api';
    }
    if (isRecord(payload.return)) {
      if (typeof payload.type === 'string' && payload.at !== undefined) return 'redo';
      if (payload.return.return_id !== undefined) return 'swap';
    }
  }
  return refuse(
    'unknown_payload',
    'The body is JSON but not a known event: expected a returns API event, a Redo return event or a SWAP return payload.',
  );
}

/** One envelope, whichever vendor sent the payload. `claims` are the verified JWT's, when there is one. */
export function normalizeDelivery(
  payload: unknown,
  format: PayloadFormat,
  claims?: DeliveryClaims,
): NormalizedDelivery {
  switch (format === 'auto' ? detect(payload) : format) {
    case 'returns-api':
      return fromReturnsApi(payload);
    case 'redo':
      return fromRedo(payload);
    case 'swap':
      return fromSwap(payload, claims);
    default:
      return refuse('malformed', 'payloadFormat must be one of auto, returns-api, redo, swap.');
  }
}

/**
 * The one place an authenticated delivery becomes an event, whichever scheme proved it: a header
 * scheme's body is parsed and normalized; a JWT's payload is normalized and then bound to its claims,
 * or, with no payload, the event is built from the claims alone.
 */
export function normalizeAuthenticated(
  auth: Authenticated,
  format: PayloadFormat,
  nowMs: number,
): NormalizedDelivery {
  if (auth.scheme === 'header') return normalizeDelivery(parseJsonBody(auth.body), format);
  const { claims } = auth;
  if (auth.payload === undefined) {
    return fromSwapClaims({ ...claims, return_id: claims.return_id! }, claimedType(claims.event), nowMs);
  }
  const delivery = normalizeDelivery(auth.payload, format, claims);
  checkClaimsBindPayload(claims, delivery);
  return delivery;
}
