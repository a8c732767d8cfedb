import { signWebhook } from '@returns-pack/shared-client';
import type { EventEnvelope } from '@returns-pack/shared-client';
import type { StoredSubscription } from './subscription-store';

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

/**
 * One attempt's request, signed anew with the attempt's own timestamp by the shared client's
 * `signWebhook` (which also sets Content-Type, X-Webhook-Id and X-Webhook-Timestamp): the mock and the
 * verifier share one implementation and cannot silently disagree.
 */
export async function signedRequest(
  sub: Pick<StoredSubscription, 'scheme' | 'secret'>,
  event: EventEnvelope,
  now: number,
  userAgent: string,
): Promise<SignedRequest> {
  const signed = await signWebhook({
    scheme: sub.scheme,
    secret: sub.secret,
    event,
    now: () => now,
    webhookId: event.id,
  });
  // Lower-cased so that a header set here replaces, rather than duplicates, one the signer set.
  const headers: Record<string, string> = { 'user-agent': userAgent };
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  return { headers, body: signed.body };
}
