import { signWebhook } from '@returns-pack/shared-client';
import type { EventEnvelope } from '@returns-pack/shared-client';
import type { StoredSubscription } from './subscription-store';

/**
 * Each event's JSON, made once however many subscriptions, attempts and replays send it: serialising
 * the whole RMA anew for each was the largest single item in the sender's CPU profile. Safe because an
 * event is never changed once appended; a replay is the same event with the job's flag, whose JSON is
 * made once too, beside the original's.
 */
const serialised = new WeakMap<EventEnvelope, string>();
const serialisedReplay = new WeakMap<EventEnvelope, string>();

function eventJson(event: EventEnvelope, replay: boolean): string {
  const cache = replay ? serialisedReplay : serialised;
  let json = cache.get(event);
  if (json === undefined) {
    json = replay && !event.replay ? JSON.stringify({ ...event, replay: true }) : JSON.stringify(event);
    cache.set(event, json);
  }
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
  sub: Pick<StoredSubscription, 'scheme' | 'secret' | 'previous_secret'>,
  event: EventEnvelope,
  now: number,
  userAgent: string,
  replay = false,
): Promise<SignedRequest> {
  const signed = await signWebhook({
    scheme: sub.scheme,
    ...signingSecrets(sub, now),
    event: eventJson(event, replay),
    now: () => now,
    webhookId: event.id,
  });
  // Lower-cased so that a header set here replaces, rather than duplicates, one the signer set.
  const headers: Record<string, string> = { 'user-agent': userAgent };
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  return { headers, body: signed.body };
}

/**
 * v1.1 rotation: within the grace window no receiver holding either secret may fail. A
 * standard-webhooks header carries several signatures, so it carries both; the other schemes carry one,
 * so they keep the previous secret until the window ends (the receiver adds the new one meanwhile).
 */
export function signingSecrets(
  sub: Pick<StoredSubscription, 'scheme' | 'secret' | 'previous_secret'>,
  now: number,
): { secret: string; alsoSignWith?: string[] } {
  const previous = sub.previous_secret;
  if (!previous || now >= Date.parse(previous.expires_at)) return { secret: sub.secret };
  if (sub.scheme === 'standard-webhooks') return { secret: sub.secret, alsoSignWith: [previous.secret] };
  return { secret: previous.secret };
}
