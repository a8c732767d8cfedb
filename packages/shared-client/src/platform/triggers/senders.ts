import type { SignatureScheme } from '../../contract';
import type { PayloadFormat } from '../../webhooks';
import type { Choice } from '../form/fields';

/**
 * Who sends the webhooks a trigger receives. `returns_api` is subscribed by the trigger itself
 * through the webhooks API (its signing scheme is then the subscription's); the others are
 * configured at the vendor, with the trigger's URL and a secret the user copies from there.
 */
export const SENDERS = {
  returns_api: { label: 'Returns API', scheme: undefined, payloadFormat: 'returns-api' },
  returnflows: { label: 'Returnflows-Style HMAC', scheme: 'hmac-sha256', payloadFormat: 'auto' },
  redo: { label: 'Redo (Bearer Token)', scheme: 'bearer', payloadFormat: 'redo' },
  swap: { label: 'SWAP (Signed JWT)', scheme: 'jwt', payloadFormat: 'swap' },
  standard_webhooks: { label: 'Standard Webhooks', scheme: 'standard-webhooks', payloadFormat: 'auto' },
} as const satisfies Record<
  string,
  { label: string; scheme: SignatureScheme | undefined; payloadFormat: PayloadFormat }
>;

export type Sender = keyof typeof SENDERS;
export const SENDER_IDS = Object.keys(SENDERS) as Sender[];

export const senderChoices = (): Choice[] =>
  SENDER_IDS.map((value) => ({ value, label: SENDERS[value].label }));

/** True when the trigger manages its own subscription through the API. */
export const subscribesItself = (sender: Sender) => sender === 'returns_api';
