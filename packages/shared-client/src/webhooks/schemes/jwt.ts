import { jwtVerify, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import type { Authenticated } from '../authenticated';
import type { RawBody } from '../body';
import { parseJsonBody } from '../body';
import type { VerifyContext } from '../context';
import { decodeBase64url } from '../encoding';
import { refuse, WebhookVerificationError } from '../errors';
import { isRecord } from '../normalize/payload';
import { secretFingerprint } from '../nonce-scope';
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
  /** Required: it binds the JWT to the return its payload (or its claims alone) describe. */
  return_id?: string;
  order_id?: string;
  store_id?: string;
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

/** The claims and the secret that verified them; every secret is tried until one does. */
async function verifyToken(
  token: string,
  ctx: VerifyContext,
): Promise<{ claims: DeliveryJwtClaims; secret: string }> {
  for (const secret of ctx.secrets) {
    try {
      const { payload } = await jwtVerify(token, await jwtVerifyKey(secret), {
        algorithms: ['HS256'],
        currentDate: new Date(ctx.nowMs),
        requiredClaims: ['exp', 'nonce'],
      });
      return { claims: payload as DeliveryJwtClaims, secret };
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

function checkLifetime(claims: DeliveryJwtClaims, ctx: VerifyContext): void {
  if (typeof claims.nonce !== 'string' || claims.nonce === '') {
    refuse('malformed', "The JWT's nonce claim must be a non-empty string.");
  }
  if (typeof claims.return_id !== 'string' || claims.return_id === '') {
    refuse(
      'malformed',
      'The JWT has no return_id claim: a delivery JWT must name the return it is about, or its payload could be anything.',
    );
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
}

/**
 * SWAP's scheme: a body `{jwt, payload}`, or `{jwt}` alone (seed 003), with an HS256 JWT. Only
 * authenticates: the payload comes back unread, for `normalize` and the claim binding to judge.
 */
export async function authenticateJwt(body: RawBody, ctx: VerifyContext): Promise<Authenticated> {
  const parsed = parseJsonBody(body);
  if (!isRecord(parsed)) return refuse('malformed', 'The body must be a JSON object with a jwt field.');
  if (parsed.jwt === undefined) {
    return refuse('missing_signature', 'The body has no jwt field: only signed deliveries are accepted.');
  }
  if (typeof parsed.jwt !== 'string')
    return refuse('malformed', 'The jwt field of the body must be a string.');
  if (!parsed.jwt.split('.').every((segment) => segment === '' || decodeBase64url(segment) !== undefined)) {
    return refuse('malformed', 'The jwt field of the body is not a well-formed JWT.');
  }
  const { claims, secret } = await verifyToken(parsed.jwt, ctx);
  checkLifetime(claims, ctx);
  return { scheme: 'jwt', claims, payload: parsed.payload, scope: secretFingerprint(secret) };
}
