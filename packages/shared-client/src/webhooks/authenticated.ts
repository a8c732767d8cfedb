import type { RawBody } from './body';
import type { DeliveryJwtClaims } from './schemes/jwt';

/**
 * What a scheme proved, and nothing more: the bytes its signature covers, or for a JWT its checked
 * claims and what sat beside them. Turning that into an event is `normalize`'s job, after this.
 */
export type Authenticated =
  | { scheme: 'header'; body: RawBody }
  | {
      scheme: 'jwt';
      claims: DeliveryJwtClaims;
      /** The body's `payload`, parsed but unchecked; undefined for a JWT-only body (seed 003). */
      payload: unknown;
      /** The fingerprint of the secret that verified the JWT: where its nonce is remembered. */
      scope: string;
    };
