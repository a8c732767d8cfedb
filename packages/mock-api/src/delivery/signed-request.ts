import { signWebhook } from '@returns-pack/shared-client';
import type { EventEnvelope } from '@returns-pack/shared-client';
import type { StoredSubscription } from './subscription-store';

/**
 * Each event's JSON, made once however many subscriptions and attempts send it: serialising the
 * whole RMA anew for each was the largest single item in the sender's CPU profile. Safe because an
 * event is never changed once appended (the domain makes new objects; a replay is a copy).
 */
const serialised = new WeakMap<EventEnvelope, string>();

function eventJson(event: EventEnvelope): string {
  let json = serialised.get(event);
  if (json === undefined) serialised.set(event, (json = JSON.stringify(event)));
  return json;
}

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
    event: eventJson(event),
    now: () => now,
    webhookId: event.id,
  });
  // Lower-cased so that a header set here replaces, rather than duplicates, one the signer set.
  const headers: Record<string, string> = { 'user-agent': userAgent };
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  return { headers, body: signed.body };
}
