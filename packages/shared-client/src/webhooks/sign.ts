import { randomUUID } from 'node:crypto';
import type { EventEnvelope, SignatureScheme } from '../contract';
import { isRecord } from './normalize/payload';
import type { SignatureEncoding } from './options';
import { standardWebhooksKey } from './secrets';
import { signBearer } from './schemes/bearer';
import { signHmacSha256 } from './schemes/hmac-sha256';
import { JWT_LIFETIME_SECONDS, signJwtBody } from './schemes/jwt';
import { signStandardWebhooks } from './schemes/standard-webhooks';

export interface SignWebhookInput {
  scheme: SignatureScheme;
  secret: string;
  /** The event to deliver, or a payload already serialised (a vendor fixture), which is signed byte for byte. */
  event: EventEnvelope | string;
  /** Milliseconds since the epoch; the send time written into the timestamp header and JWT `iat`. */
  now?: () => number;
  /** hmac-sha256 only: the signature header; default X-Webhook-Signature. */
  header?: string;
  /** hmac-sha256 only: default hex. */
  encoding?: SignatureEncoding;
  /** The message id (X-Webhook-Id, webhook-id); default the event id, stable across retries. */
  webhookId?: string;
  /**
   * standard-webhooks only: more secrets to sign with, each adding a `v1,…` entry to the header, as a
   * sender does during a secret rotation so that receivers holding either secret accept.
   */
  alsoSignWith?: readonly string[];
  /** jwt only: the nonce claim, default a random UUID (fix it only for test vectors). */
  nonce?: string;
  /** jwt only: claims to add or override, e.g. `{ event: 'returnCreated' }` for a SWAP payload. */
  claims?: Record<string, unknown>;
}

export interface SignedWebhook {
  headers: Record<string, string>;
  body: string;
}

/** The ids a JWT ties to its payload, read from whichever payload shape is being signed. */
function payloadClaims(payload: unknown): Record<string, string> {
  if (!isRecord(payload)) return {};
  if (typeof payload.id === 'string' && typeof payload.type === 'string' && isRecord(payload.subject)) {
    return { event_id: payload.id, event: payload.type, return_id: String(payload.subject.id) };
  }
  const ret = payload.return;
  if (!isRecord(ret)) return {};
  const id = ret.return_id ?? ret.id;
  return typeof id === 'string' ? { return_id: id } : {};
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/**
 * Signs a delivery the way the returns platform (or the vendor a scheme imitates) does, so tests
 * and the mock produce exactly what `verifyWebhook` accepts.
 */
export async function signWebhook(input: SignWebhookInput): Promise<SignedWebhook> {
  const { scheme, secret, event } = input;
  if (typeof secret !== 'string' || secret === '') throw new TypeError('secret must be a non-empty string');
  if (typeof event !== 'string' && !isRecord(event)) {
    throw new TypeError('event must be an event envelope or a JSON string');
  }
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  // A serialised event is read back only for what the signature needs from it: the message id when
  // none is given, and the JWT's claims. The mock signs each attempt this way, so parsing every body
  // would cost it more than the HMAC.
  const needsPayload = scheme === 'jwt' || input.webhookId === undefined;
  const payload = typeof event !== 'string' ? event : needsPayload ? parseOrUndefined(event) : undefined;
  const nowMs = (input.now ?? Date.now)();
  const timestamp = String(Math.floor(nowMs / 1000));
  const eventId = isRecord(payload) && typeof payload.id === 'string' ? payload.id : undefined;
  const id = input.webhookId ?? eventId ?? `msg_${randomUUID().replaceAll('-', '')}`;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Webhook-Id': id,
    'X-Webhook-Timestamp': timestamp,
  };
  switch (scheme) {
    case 'hmac-sha256':
      return { headers: { ...headers, ...signHmacSha256(secret, body, input.header, input.encoding) }, body };
    case 'bearer':
      return { headers: { ...headers, ...signBearer(secret) }, body };
    case 'standard-webhooks': {
      const keys = [secret, ...(input.alsoSignWith ?? [])].map((s) => {
        const key = standardWebhooksKey(s);
        if (!key) throw new TypeError('secret must be "whsec_" followed by base64 of 24 to 64 bytes');
        return key;
      });
      return { headers: { ...headers, ...signStandardWebhooks(keys, id, timestamp, body) }, body };
    }
    case 'jwt': {
      const iat = Number(timestamp);
      const claims = {
        iat,
        exp: iat + JWT_LIFETIME_SECONDS,
        nonce: input.nonce ?? randomUUID(),
        ...payloadClaims(payload),
        ...input.claims,
      };
      return { headers, body: await signJwtBody(secret, claims, body) };
    }
    default:
      throw new TypeError('scheme must be one of hmac-sha256, bearer, jwt, standard-webhooks');
  }
}
