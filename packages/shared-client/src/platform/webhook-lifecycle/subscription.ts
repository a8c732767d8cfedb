import type { ReturnsClient } from '../../client/create-client';
import { NotFoundError } from '../../client/errors';
import type { CreateWebhookBody, SignatureScheme } from '../../contract';
import type { TriggerSettings } from '../triggers/settings';

/** What a platform keeps for a subscribed trigger: the subscription to delete later and its secret. */
export interface SubscriptionRecord {
  id: string;
  secret: string;
  scheme: SignatureScheme;
}

/** The subscription a trigger asks for, on any platform. */
export function subscriptionBody(
  settings: TriggerSettings,
  url: string,
  description: string,
): CreateWebhookBody {
  return {
    url,
    events: settings.events,
    scheme: settings.scheme,
    // Seed 000's default is one attempt only; retries let a brief outage of the platform heal by itself.
    retry_policy: settings.retry ? 'exponential' : 'none',
    ...(settings.conditions ? { conditions: settings.conditions } : {}),
    description: description.slice(0, 500),
  };
}

export async function subscribe(
  client: ReturnsClient,
  settings: TriggerSettings,
  url: string,
  description: string,
): Promise<SubscriptionRecord> {
  const created = await client.webhooks.create(subscriptionBody(settings, url, description));
  return { id: created.id, secret: created.secret, scheme: created.scheme };
}

/**
 * Deletes the subscription; one already gone (deleted by hand, or by an earlier call) is what was
 * wanted, so the trigger can always be turned off. Resolves false in that case.
 */
export async function unsubscribe(client: ReturnsClient, id: string | undefined): Promise<boolean> {
  if (!id) return false;
  try {
    await client.webhooks.delete(id);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}
