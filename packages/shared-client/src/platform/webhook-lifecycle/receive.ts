import type { EventEnvelope } from '../../contract';
import { verifyWebhook, WebhookVerificationError } from '../../webhooks';
import type { AnyReplayStore, RawBody, WebhookHeaders } from '../../webhooks';
import { wantsEvent } from '../triggers/settings';
import type { TriggerSettings } from '../triggers/settings';
import type { SeenEvents } from './seen-events';

export interface Delivery {
  headers: WebhookHeaders;
  rawBody: RawBody;
}

/** What a trigger keeps between deliveries, for as long as its platform keeps anything. */
export interface ReceiveStores {
  /**
   * JWT nonces (the `jwt` scheme): a captured delivery is refused the second time. Required, so no
   * trigger falls back by omission to a store of one process (useless where a platform runs
   * deliveries in several, as n8n's queue mode and Zapier's workers do).
   */
  replayStore: AnyReplayStore;
  /** Event ids already emitted: a retried or replayed delivery starts nothing the second time. */
  seen?: SeenEvents;
  now?: () => number;
}

/** The answer to give the sender, and the event to start the workflow with when there is one. */
export type Receipt =
  | { outcome: 'accepted'; status: 200; event: EventEnvelope }
  | { outcome: 'ignored'; status: 200; reason: 'other_event_type' | 'duplicate'; event: EventEnvelope }
  | { outcome: 'refused'; status: number; reason: string; message: string };

/**
 * One delivery, start to end, the same on every platform: verified on its raw bytes with every
 * secret the trigger holds (fails closed without one), filtered to the trigger's event types, and
 * deduplicated on the event id. Only `accepted` starts a workflow; the sender gets `status`.
 */
export async function receiveDelivery(
  delivery: Delivery,
  settings: TriggerSettings,
  secrets: readonly (string | undefined | null)[],
  stores: ReceiveStores,
): Promise<Receipt> {
  // The Previous Secret setting joins the platform's secrets: a rotation never drops a delivery.
  const usable = [...secrets, settings.previousSecret].filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
  if (usable.length === 0) {
    return {
      outcome: 'refused',
      status: 401,
      reason: 'missing_secret',
      message:
        'This trigger has no signing secret, so no delivery can be verified: reactivate it, or set the sender’s secret.',
    };
  }
  let event: EventEnvelope;
  try {
    event = await verifyWebhook(delivery, {
      scheme: settings.scheme,
      secrets: usable,
      payloadFormat: settings.payloadFormat,
      header: settings.header,
      encoding: settings.encoding,
      replayStore: stores.replayStore,
      now: stores.now,
    });
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return { outcome: 'refused', status: error.status, reason: error.reason, message: error.message };
  }
  if (!wantsEvent(settings, event.type))
    return { outcome: 'ignored', status: 200, reason: 'other_event_type', event };
  if (stores.seen && !(await stores.seen.recordIfNew(event.id))) {
    return { outcome: 'ignored', status: 200, reason: 'duplicate', event };
  }
  return { outcome: 'accepted', status: 200, event };
}
