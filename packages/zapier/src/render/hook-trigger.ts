import {
  OUTPUT_FIELDS,
  readTriggerSettings,
  receiveDelivery,
  sampleEvent,
  subscribe,
  triggerFields,
  unsubscribe,
} from '@returns-pack/shared-client';
import type { EventEnvelope, EventType, ReturnsClient, TriggerSpec } from '@returns-pack/shared-client';
import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';
import { withClient } from '../client';
import { toZapierError } from '../errors';
import { zapierReceiveStores } from '../triggers/cache-stores';
import { deliveredHeaders } from '../triggers/delivered-headers';
import { subscriptionOf } from '../triggers/subscription-data';
import { zapierInputFields } from './fields';
import { zapierOutputFields } from './output-fields';

/**
 * A catalogue trigger as a REST hook: each Zap subscribes on its own (so Zaps never overwrite each
 * other's subscriptions), every delivery goes through the catalogue's receive path (verified on its
 * raw body, filtered to the Zap's event types, deduplicated on the event id), and `performList`
 * reads the event log so the Zap editor's samples are real events of the delivered shape.
 */
export function renderHookTrigger(trigger: TriggerSpec): Trigger {
  const sampleType = trigger.events === 'chosen' ? 'return.created' : trigger.events[0]!;
  return {
    key: trigger.key,
    noun: trigger.noun,
    display: { label: trigger.label, description: trigger.description },
    operation: {
      type: 'hook',
      inputFields: zapierInputFields(triggerFields(trigger)),
      performSubscribe: (z: ZObject, bundle: Bundle) =>
        withClient(z, bundle, (client) =>
          subscribe(client, settingsOf(trigger, bundle), bundle.targetUrl ?? '', `Zapier: ${trigger.label}`),
        ),
      performUnsubscribe: async (z: ZObject, bundle: Bundle) => {
        const id = subscriptionOf(bundle)?.id ?? '';
        // Already gone (deleted by hand, say) is what was wanted: the Zap can always be turned off.
        await withClient(z, bundle, (client) => unsubscribe(client, id));
        return { id, deleted: true };
      },
      perform: (z: ZObject, bundle: Bundle) => receive(z, bundle, trigger),
      performList: (z: ZObject, bundle: Bundle) =>
        withClient(z, bundle, (client) => recentEvents(client, bundle, trigger)),
      sample: sampleEvent(sampleType),
      outputFields: zapierOutputFields(OUTPUT_FIELDS.event),
    },
  };
}

/** The Zap's settings; on Zapier the sender is always the Returns API (the catalogue says why). */
function settingsOf(trigger: TriggerSpec, bundle: Bundle) {
  return readTriggerSettings(trigger, bundle.inputData ?? {});
}

async function receive(z: ZObject, bundle: Bundle, trigger: TriggerSpec): Promise<EventEnvelope[]> {
  const subscription = subscriptionOf(bundle);
  let receipt;
  try {
    // Verify with the scheme the subscription was made with, whatever the form says today.
    const settings = { ...settingsOf(trigger, bundle), scheme: subscription?.scheme ?? 'hmac-sha256' };
    receipt = await receiveDelivery(
      { headers: deliveredHeaders(bundle.rawRequest?.headers), rawBody: bundle.rawRequest?.content ?? '' },
      settings,
      // The connection's Previous Webhook Signing Secret covers a secret rotation (the catalogue's Previous Secret).
      [subscription?.secret, bundle.authData?.previous_webhook_secret as string | undefined],
      zapierReceiveStores(z, subscription?.id ?? ''),
    );
  } catch (error) {
    throw toZapierError(z, error);
  }
  switch (receipt.outcome) {
    case 'accepted':
      return [receipt.event];
    case 'ignored':
      if (receipt.reason === 'duplicate') {
        z.console.log(`Ignored a repeated delivery of ${receipt.event.id}: this Zap already ran for it.`);
      }
      return [];
    case 'refused':
      if (receipt.reason === 'missing_secret') {
        throw new z.errors.Error(
          'This Zap has no webhook signing secret, so deliveries cannot be verified: turn the Zap off and on again.',
          'MissingWebhookSecret',
        );
      }
      // Unsigned, forged or replayed: nothing fires. The reason is logged; secret and signature never are.
      z.console.log(`Ignored a webhook delivery that failed verification (${receipt.reason}).`);
      return [];
  }
}

const DEFAULT_SAMPLES = 25;

/** The newest events of the trigger's types, newest first, as the hook would deliver them. */
async function recentEvents(
  client: ReturnsClient,
  bundle: Bundle,
  trigger: TriggerSpec,
): Promise<EventEnvelope[]> {
  const wanted = Number(bundle.meta?.limit);
  const limit = wanted > 0 ? Math.min(wanted, 100) : DEFAULT_SAMPLES;
  const { events } = settingsOf(trigger, bundle);
  // One page of the log, filtered server side by every type the trigger fires on (API v1.1 `types`).
  const types = events[0] === '*' ? {} : { types: events as EventType[] };
  return (await client.events.list({ ...types, limit })).data;
}
