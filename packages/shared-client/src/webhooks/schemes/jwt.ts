import { jwtVerify, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { EVENT_CATALOGUE } from '../../contract';
import type { EventEnvelope, EventType } from '../../contract';
import type { RawBody } from '../body';
import { parseJsonBody } from '../body';
import type { VerifyContext } from '../context';
import { decodeBase64url } from '../encoding';
import { refuse, WebhookVerificationError } from '../errors';
import type { NormalizedDelivery } from '../normalize';
import { normalizeDelivery, SWAP_EVENTS } from '../normalize';
import { isRecord } from '../normalize/payload';
import { defaultReplayStore } from '../replay-store';
import { jwtVerifyKey } from '../secrets';
import { checkNotFuture } from '../timestamps';

/** SWAP's JWTs live five minutes (seed 003); ours match. */
export const JWT_LIFETIME_SECONDS = 300;

/** The claims we sign; SWAP's own JWTs carry `order_id` and `store_id` instead of `event_id`. */
export interface DeliveryJwtClaims extends JWTPayload {
  iat: number;
  exp: number;
  nonce: string;
  event_id?: string;
  event?: string;
  return_id?: string;
}

const encoder = new TextEncoder();

/** The body SWAP posts: the JWT beside the payload, which is spliced in as the exact bytes given. */
export async function signJwtBody(
  secret: string,
  claims: DeliveryJwtClaims,
  payloadJson: string,
): Promise<string> {
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(encoder.encode(secret));
  return `{"jwt":${JSON.stringify(token)},"payload":${payloadJson}}`;
}

/** jose's refusals in our vocabulary; a signature failure is handled by the caller (try the next secret). */
function translate(error: unknown): WebhookVerificationError {
  const { code, claim } = (error ?? {}) as { code?: unknown; claim?: unknown };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new WebhookVerificationError(
        'expired',
        "The JWT has expired (its exp is in the past): the delivery may be a replay, or this server's clock is wrong.",
      );
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new WebhookVerificationError(
        'bad_signature',
        'The JWT must be signed with HS256; it uses another algorithm.',
      );
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'nbf') {
        return new WebhookVerificationError(
          'future_timestamp',
          'The JWT is not valid yet (nbf): check the clocks.',
        );
      }
      return new WebhookVerificationError(
        'malformed',
        `The JWT's ${String(claim)} claim is missing or invalid.`,
      );
    default:
      return new WebhookVerificationError('malformed', 'The jwt field of the body is not a well-formed JWT.');
  }
}

async function verifyToken(token: string, ctx: VerifyContext): Promise<DeliveryJwtClaims> {
  for (const secret of ctx.secrets) {
    try {
      const { payload } = await jwtVerify(token, await jwtVerifyKey(secret), {
        algorithms: ['HS256'],
        currentDate: new Date(ctx.nowMs),
        requiredClaims: ['exp', 'nonce'],
      });
      return payload as DeliveryJwtClaims;
    } catch (error) {
      // Only the signature depends on the secret: any other refusal is final.
      if ((error as { code?: unknown }).code !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
        throw translate(error);
    }
  }
  return refuse(
    'bad_signature',
    'The JWT signature does not match: check that the secret key is the one shown when the webhook was created.',
  );
}

/** Our event type for a JWT `event` claim, whether it uses our names or SWAP's. */
function claimedType(event: unknown): EventType | undefined {
  if (typeof event !== 'string') return undefined;
  if (Object.hasOwn(EVENT_CATALOGUE, event)) return event as EventType;
  return Object.hasOwn(SWAP_EVENTS, event) ? SWAP_EVENTS[event] : undefined;
}

/** The JWT does not sign the payload beside it: these ties are what bind the two together. */
function checkClaimsMatch(claims: DeliveryJwtClaims, delivery: NormalizedDelivery): void {
  const mismatch = (claim: string) =>
    refuse(
      'claim_mismatch',
      `The JWT's ${claim} does not match the payload beside it: the payload may have been altered or swapped.`,
    );
  if (claims.return_id !== undefined && claims.return_id !== delivery.returnId) mismatch('return_id');
  if (
    claims.event_id !== undefined &&
    delivery.eventId !== undefined &&
    claims.event_id !== delivery.eventId
  ) {
    mismatch('event_id');
  }
  if (claims.event !== undefined && claimedType(claims.event) !== delivery.event.type) mismatch('event');
}

async function recordNonce(claims: DeliveryJwtClaims, ctx: VerifyContext): Promise<void> {
  let fresh: boolean;
  try {
    fresh = await (ctx.replayStore ?? defaultReplayStore()).recordIfNew(
      claims.nonce,
      claims.exp * 1000,
      ctx.nowMs,
    );
  } catch {
    return refuse(
      'store_unavailable',
      'The replay store could not be reached, so the JWT nonce could not be checked: the sender should retry.',
    );
  }
  if (!fresh) refuse('replayed', 'This JWT was already accepted once (same nonce): the request is a replay.');
}

/** SWAP's scheme: a body `{jwt, payload}`, the HS256 JWT checked before the payload is trusted. */
export async function verifyJwtDelivery(body: RawBody, ctx: VerifyContext): Promise<EventEnvelope> {
  const parsed = parseJsonBody(body);
  if (!isRecord(parsed))
    return refuse('malformed', 'The body must be a JSON object with jwt and payload fields.');
  if (parsed.jwt === undefined) {
    return refuse('missing_signature', 'The body has no jwt field: only signed deliveries are accepted.');
  }
  if (typeof parsed.jwt !== 'string')
    return refuse('malformed', 'The jwt field of the body must be a string.');
  if (!parsed.jwt.split('.').every((segment) => segment === '' || decodeBase64url(segment) !== undefined)) {
    return refuse('malformed', 'The jwt field of the body is not a well-formed JWT.');
  }
  const claims = await verifyToken(parsed.jwt, ctx);
  if (typeof claims.nonce !== 'string' || claims.nonce === '') {
    refuse('malformed', "The JWT's nonce claim must be a non-empty string.");
  }
  if (claims.iat !== undefined) checkNotFuture(claims.iat, ctx.nowMs, ctx.toleranceSeconds, "JWT's iat");
  // A token living longer than a delivery could be replayed once the store has forgotten its nonce.
  const lifetimeLeft = claims.exp - Math.floor(ctx.nowMs / 1000);
  if (lifetimeLeft > JWT_LIFETIME_SECONDS + ctx.toleranceSeconds) {
    refuse(
      'future_timestamp',
      `The JWT's exp is ${lifetimeLeft} seconds away, longer than a delivery lives (${JWT_LIFETIME_SECONDS} s plus ${ctx.toleranceSeconds} s of clock tolerance): the sender must issue short-lived tokens.`,
    );
  }
  if (parsed.payload === undefined) return refuse('malformed', 'The body has no payload beside its jwt.');
  const delivery = normalizeDelivery(parsed.payload, ctx.payloadFormat, claims);
  checkClaimsMatch(claims, delivery);
  // Last, so a delivery refused for another reason does not use up its nonce.
  await recordNonce(claims, ctx);
  return delivery.event;
}
