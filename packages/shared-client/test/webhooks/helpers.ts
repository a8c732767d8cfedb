import type { EventEnvelope, SignatureScheme, SignWebhookInput, VerifyWebhookOptions } from '../../src';
import {
  EventEnvelope as EventEnvelopeSchema,
  sampleEvent,
  signWebhook,
  WebhookVerificationError,
} from '../../src';

export const SCHEMES: readonly SignatureScheme[] = ['hmac-sha256', 'bearer', 'jwt', 'standard-webhooks'];

/** One fixed secret per scheme, each of the form the scheme expects. */
export const SECRETS: Record<SignatureScheme, string> = {
  'hmac-sha256': 'test-hmac-secret-0123456789abcdef',
  bearer: 'test-bearer-secret-0123456789',
  jwt: 'test-jwt-secret-0123456789abcdef',
  'standard-webhooks': 'whsec_' + Buffer.alloc(32, 7).toString('base64'),
};

/** A fixed clock: 2025-03-14T09:30:00Z. */
export const NOW_MS = 1_741_944_600_000;

export interface Delivery {
  headers: Record<string, string>;
  body: string;
}

/** A valid delivery signed at NOW_MS; tests break one thing in it. */
export async function signed(
  scheme: SignatureScheme,
  overrides: Partial<SignWebhookInput> = {},
): Promise<Delivery> {
  return signWebhook({
    scheme,
    secret: SECRETS[scheme],
    event: sampleEvent('return.created'),
    now: () => NOW_MS,
    ...overrides,
  });
}

export function options(
  scheme: SignatureScheme,
  extra: Partial<VerifyWebhookOptions> = {},
): VerifyWebhookOptions {
  return { scheme, secret: SECRETS[scheme], now: () => NOW_MS, ...extra };
}

/** The error a refused verification raised; fails the test if it was accepted or raised anything else. */
export async function refusal(promise: Promise<EventEnvelope>): Promise<WebhookVerificationError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof WebhookVerificationError)) {
    throw new Error(
      `expected a WebhookVerificationError, got ${outcome === undefined ? 'success' : String(outcome)}`,
    );
  }
  return outcome;
}

/** Accepted deliveries must be valid contract envelopes, whichever vendor sent them. */
export function expectValidEnvelope(event: EventEnvelope): EventEnvelope {
  return EventEnvelopeSchema.parse(event);
}
