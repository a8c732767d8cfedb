import { ClockState, createMemoryReplayStore } from '@returns-pack/shared-client';
import type { VerifyWebhookOptions } from '@returns-pack/shared-client';

// #region hmac-sha256
/** The default (ReturnMate): `X-Webhook-Signature` holds the hex HMAC-SHA256 of the raw body. */
export const hmacSha256 = (secret: string): VerifyWebhookOptions => ({ scheme: 'hmac-sha256', secret });
// #endregion

// #region returnflows
/** Returnflows-style senders: the same HMAC, in a header and an encoding of their own. */
export const returnflows = (secret: string): VerifyWebhookOptions => ({
  scheme: 'hmac-sha256',
  secret,
  header: 'X-Returnflows-Signature',
  encoding: 'base64',
});
// #endregion

// #region bearer
/** Redo: `Authorization: Bearer <secret>`. A Redo payload comes back as the same event envelope. */
export const bearer = (secret: string): VerifyWebhookOptions => ({ scheme: 'bearer', secret });
// #endregion

// #region jwt
/**
 * SWAP: the body is `{"jwt": …, "payload": …}`, an HS256 JWT over the secret that expires after
 * 5 minutes. Its nonce is remembered until then, so a captured delivery is refused the second time;
 * with several receiving processes, implement `ReplayStore` on Redis or a database instead.
 */
const nonces = createMemoryReplayStore();
export const jwt = (secret: string): VerifyWebhookOptions => ({ scheme: 'jwt', secret, replayStore: nonces });
// #endregion

// #region standard-webhooks
/**
 * Standard Webhooks (Svix): `webhook-signature` may hold several signatures, so during a rotation
 * accept the new secret and the old one; the timestamp must be within 5 minutes of now.
 */
export const standardWebhooks = (current: string, previous?: string): VerifyWebhookOptions => ({
  scheme: 'standard-webhooks',
  secrets: previous ? [current, previous] : [current],
  toleranceSeconds: 300,
});
// #endregion

// #region test-clock
/**
 * Development only: after `POST /admin/v1/clock/advance`, the mock stamps deliveries with its own
 * clock, which Standard Webhooks and JWT deliveries are checked against. Pass this as `now`.
 */
export async function mockClock(baseUrl: string, adminToken: string): Promise<() => number> {
  const answer = await fetch(`${baseUrl}/admin/v1/clock`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  const { offset_seconds } = ClockState.parse(await answer.json());
  return () => Date.now() + offset_seconds * 1000;
}
// #endregion
