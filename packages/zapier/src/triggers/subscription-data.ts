import { SignatureScheme } from '@returns-pack/shared-client';
import type { SubscriptionRecord } from '@returns-pack/shared-client';
import type { Bundle } from 'zapier-platform-core';

/** What `performSubscribe` returned for this Zap, as Zapier hands it back in `bundle.subscribeData`. */
export function subscriptionOf(bundle: Bundle): SubscriptionRecord | undefined {
  const data = bundle.subscribeData as Partial<SubscriptionRecord> | undefined;
  if (!data || typeof data.id !== 'string') return undefined;
  // Zaps subscribed before schemes were selectable stored no scheme: theirs was the default.
  const scheme = SignatureScheme.safeParse(data.scheme ?? 'hmac-sha256');
  return {
    id: data.id,
    secret: typeof data.secret === 'string' ? data.secret : '',
    scheme: scheme.success ? scheme.data : 'hmac-sha256',
  };
}
