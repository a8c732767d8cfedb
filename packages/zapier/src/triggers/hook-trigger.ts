import {
  EVENT_CATALOGUE,
  NotFoundError,
  SignatureScheme,
  WebhookVerificationError,
  sampleEvent,
  verifyWebhook,
} from '@returns-pack/shared-client';
import type { EventEnvelope, EventType } from '@returns-pack/shared-client';
import { defineTrigger } from 'zapier-platform-core';
import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';
import { withClient } from '../client';
import { EVENT_OUTPUT_FIELDS } from '../fields/output-fields';
import { deliveredHeaders } from './delivered-headers';

export interface HookTriggerSpec {
  key: string;
  noun: string;
  label: string;
  event: EventType;
}

/** What `performSubscribe` keeps for the Zap: the subscription to delete later and its signing secret. */
interface Subscription {
  id: string;
  secret: string;
  scheme: SignatureScheme;
}

/**
 * A REST hook trigger for one event type: each Zap gets its own subscription (so Zaps never
 * overwrite each other's), every delivery is verified on its raw body before anything fires, and
 * `performList` reads the event log so samples are real events of the same shape.
 */
export function defineHookTrigger(spec: HookTriggerSpec): Trigger {
  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: {
      label: spec.label,
      description: `Triggers when ${EVENT_CATALOGUE[spec.event].description}.`,
    },
    operation: {
      type: 'hook',
      performSubscribe: (z: ZObject, bundle: Bundle) => subscribe(z, bundle, spec),
      performUnsubscribe: unsubscribe,
      perform: (z: ZObject, bundle: Bundle) => receive(z, bundle, spec.event),
      performList: (z: ZObject, bundle: Bundle) => recentEvents(z, bundle, spec.event),
      sample: sampleEvent(spec.event),
      outputFields: EVENT_OUTPUT_FIELDS,
    },
  });
}

async function subscribe(z: ZObject, bundle: Bundle, spec: HookTriggerSpec): Promise<Subscription> {
  return withClient(z, bundle, async (client) => {
    const created = await client.webhooks.create({
      url: bundle.targetUrl ?? '',
      events: [spec.event],
      // Zapier answers fast; retries cover the rare moment it does not.
      retry_policy: 'exponential',
      description: `Zapier: ${spec.label}`,
    });
    return { id: created.id, secret: created.secret, scheme: created.scheme };
  });
}

async function unsubscribe(z: ZObject, bundle: Bundle): Promise<{ id: string; deleted: true }> {
  const id = subscriptionOf(bundle)?.id ?? '';
  return withClient(z, bundle, async (client) => {
    try {
      return await client.webhooks.delete(id);
    } catch (error) {
      // Already gone (deleted by hand, say): the Zap can still be turned off.
      if (error instanceof NotFoundError) return { id, deleted: true as const };
      throw error;
    }
  });
}

async function receive(z: ZObject, bundle: Bundle, event: EventType): Promise<EventEnvelope[]> {
  const subscription = subscriptionOf(bundle);
  if (!subscription?.secret) {
    throw new z.errors.Error(
      'This Zap has no webhook signing secret, so deliveries cannot be verified: turn the Zap off and on again.',
      'MissingWebhookSecret',
    );
  }
  try {
    const verified = await verifyWebhook(
      { headers: deliveredHeaders(bundle.rawRequest?.headers), rawBody: bundle.rawRequest?.content ?? '' },
      { scheme: subscription.scheme, secret: subscription.secret },
    );
    return verified.type === event ? [verified] : [];
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    // Unsigned or forged: nothing fires. The reason is logged; the secret and signature never are.
    z.console.log(`Ignored a webhook delivery that failed verification (${error.reason}).`);
    return [];
  }
}

async function recentEvents(z: ZObject, bundle: Bundle, event: EventType): Promise<EventEnvelope[]> {
  const limit = bundle.meta?.limit > 0 ? Math.min(bundle.meta.limit, 100) : 25;
  return withClient(z, bundle, async (client) => (await client.events.list({ type: event, limit })).data);
}

function subscriptionOf(bundle: Bundle): Subscription | undefined {
  const data = bundle.subscribeData as Partial<Subscription> | undefined;
  if (!data || typeof data.id !== 'string') return undefined;
  const scheme = SignatureScheme.safeParse(data.scheme ?? 'hmac-sha256');
  return {
    id: data.id,
    secret: typeof data.secret === 'string' ? data.secret : '',
    scheme: scheme.success ? scheme.data : 'hmac-sha256',
  };
}
