import type { EventEnvelope } from '../contract';
import type { Authenticated } from './authenticated';
import type { RawBody } from './body';
import { readBody } from './body';
import type { VerifyContext } from './context';
import { resolveOptions } from './context';
import { WebhookVerificationError } from './errors';
import { normalizeAuthenticated } from './normalize';
import { spendNonce } from './nonces';
import type { VerifyWebhookInput, VerifyWebhookOptions } from './options';
import { authenticateBearer } from './schemes/bearer';
import { authenticateHmacSha256 } from './schemes/hmac-sha256';
import { authenticateJwt } from './schemes/jwt';
import { authenticateStandardWebhooks } from './schemes/standard-webhooks';

type Authenticate = (headers: unknown, body: RawBody, ctx: VerifyContext) => void;

/** The schemes whose proof travels in headers; the JWT scheme carries its proof in the body. */
const HEADER_SCHEMES: Record<Exclude<VerifyContext['scheme'], 'jwt'>, Authenticate> = {
  'hmac-sha256': authenticateHmacSha256,
  bearer: (headers, _body, ctx) => authenticateBearer(headers, ctx),
  'standard-webhooks': authenticateStandardWebhooks,
};

async function finishJwt(auth: Promise<Authenticated>, ctx: VerifyContext): Promise<EventEnvelope> {
  const proved = await auth;
  const delivery = normalizeAuthenticated(proved, ctx.payloadFormat, ctx.nowMs);
  // Last, so a delivery refused for another reason does not use up its nonce.
  if (proved.scheme === 'jwt') await spendNonce(proved.claims, proved.scope, ctx.replayStore, ctx.nowMs);
  return delivery.event;
}

/**
 * Authenticate (the scheme, which only proves who sent which bytes), then normalize (one place, for
 * every scheme and vendor). Synchronous for the header schemes, so the common case costs no extra
 * promise turn.
 */
function verify(
  input: VerifyWebhookInput,
  options: VerifyWebhookOptions,
): EventEnvelope | Promise<EventEnvelope> {
  const ctx = resolveOptions(options);
  const { headers, rawBody } = (input ?? {}) as Partial<VerifyWebhookInput>;
  // The size check comes first: nothing else may spend work on an oversized body.
  const body = readBody(rawBody, ctx.maxBodyBytes);
  if (ctx.scheme === 'jwt') return finishJwt(authenticateJwt(body, ctx), ctx);
  HEADER_SCHEMES[ctx.scheme](headers, body, ctx);
  return normalizeAuthenticated({ scheme: 'header', body }, ctx.payloadFormat, ctx.nowMs).event;
}

/** A safety net for inputs no check anticipated (hostile header objects, say): still one error type. */
function toRefusal(error: unknown): WebhookVerificationError {
  return error instanceof WebhookVerificationError
    ? error
    : new WebhookVerificationError(
        'malformed',
        'The webhook request could not be read: it is not a well-formed delivery.',
      );
}

/**
 * Checks a webhook delivery against its scheme, on the raw body bytes and in constant time, and
 * returns it as one normalized event envelope whichever vendor sent it. Every refusal is a
 * `WebhookVerificationError` with a machine-readable `reason`; nothing else is ever thrown.
 */
export function verifyWebhook(
  input: VerifyWebhookInput,
  options: VerifyWebhookOptions,
): Promise<EventEnvelope> {
  try {
    const result = verify(input, options);
    return result instanceof Promise
      ? result.catch((error: unknown) => Promise.reject(toRefusal(error)))
      : Promise.resolve(result);
  } catch (error) {
    return Promise.reject(toRefusal(error));
  }
}
