import { EVENT_TYPES, ReturnType, ShipmentStatus } from '../../contract';
import type { DeliveryConditions, EventType, SignatureScheme } from '../../contract';
import { DEFAULT_SIGNATURE_HEADER } from '../../webhooks';
import type { PayloadFormat, SignatureEncoding } from '../../webhooks';
import { enumChoices } from '../form/choices';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import type { FormValues } from '../form/read-form';
import { eventTypeChoices } from './event-choices';
import { SENDERS, SENDER_IDS, senderChoices } from './senders';
import type { Sender } from './senders';
import type { TriggerSpec } from './types';

const EXTERNAL_SENDERS = SENDER_IDS.filter((s) => s !== 'returns_api');

const ZAPIER_API_ONLY =
  'Zapier gives a Zap’s webhook URL only to the app’s subscribe call (REST hooks); a CLI app cannot show it for pasting into another vendor. On Zapier the Returns API is the sender, in any of its four signing schemes.';

export const SCHEME_CHOICES = [
  { value: 'hmac-sha256', label: 'HMAC-SHA256 Signature' },
  { value: 'bearer', label: 'Bearer Token' },
  { value: 'jwt', label: 'Signed JWT' },
  { value: 'standard-webhooks', label: 'Standard Webhooks' },
] as const satisfies readonly { value: SignatureScheme; label: string }[];

export const SENDER_FIELD: FieldSpec = {
  key: 'sender',
  label: 'Sender',
  type: 'choice',
  required: true,
  help: 'Who sends the webhooks. With Returns API the trigger subscribes itself; for the others, paste the trigger’s URL into the sender and copy its signing secret here. Every delivery is verified before anything starts.',
  choices: senderChoices(),
  default: 'returns_api',
  exceptions: { zapier: ZAPIER_API_ONLY },
};

/** The settings every instant trigger shares, in the order platforms show them. */
export const TRIGGER_SETTING_FIELDS: readonly FieldSpec[] = [
  SENDER_FIELD,
  {
    key: 'scheme',
    label: 'Signature Scheme',
    type: 'choice',
    required: false,
    help: 'How the API signs the deliveries of the subscription this trigger creates.',
    choices: SCHEME_CHOICES,
    default: 'hmac-sha256',
    showWhen: { key: 'sender', values: ['returns_api'] },
  },
  {
    key: 'retry',
    label: 'Retry Failed Deliveries',
    type: 'boolean',
    required: false,
    help: 'Whether the API retries a delivery with backoff when the platform does not answer with a 2xx.',
    default: true,
    showWhen: { key: 'sender', values: ['returns_api'] },
  },
  // Seed 003's delivery conditions, applied by the API to the subscription the trigger makes: only
  // deliveries about RMAs in these states reach the workflow (and count against its task quota).
  {
    key: 'shipping_status',
    label: 'Shipping Status',
    type: 'choices',
    required: false,
    help: 'Only events about RMAs whose shipment is in one of these states. Leave empty for any.',
    choices: enumChoices(ShipmentStatus.options),
    showWhen: { key: 'sender', values: ['returns_api'] },
  },
  {
    key: 'return_type',
    label: 'Return Type',
    type: 'choices',
    required: false,
    help: 'Only events about RMAs of these return types. Leave empty for any.',
    choices: enumChoices(ReturnType.options),
    showWhen: { key: 'sender', values: ['returns_api'] },
  },
  {
    key: 'signing_secret',
    label: 'Signing Secret',
    type: 'string',
    secret: true,
    required: false,
    help: 'The secret the sender signs with, copied from its webhook settings (for Standard Webhooks it starts with whsec_).',
    showWhen: { key: 'sender', values: EXTERNAL_SENDERS },
    exceptions: {
      zapier: ZAPIER_API_ONLY,
      n8n: 'Kept in the credential’s Webhook Signing Secret: n8n encrypts credentials, not node parameters.',
    },
  },
  {
    key: 'previous_secret',
    label: 'Previous Secret',
    type: 'string',
    secret: true,
    required: false,
    help: 'While the signing secret is rotated: the other secret (the old one, or the new one until this trigger holds it). Deliveries signed with either verify, so none is dropped; clear it once the rotation’s grace window has ended.',
    exceptions: {
      n8n: 'Kept in the credential’s Previous Webhook Signing Secret: n8n encrypts credentials, not node parameters.',
      zapier:
        'Kept in the connection’s Previous Webhook Signing Secret: Zapier’s review (D001) keeps credentials out of step fields, and encrypts connection fields.',
    },
  },
  {
    key: 'signature_header',
    label: 'Signature Header',
    type: 'string',
    required: false,
    help: 'The header that carries the HMAC of the raw body.',
    default: DEFAULT_SIGNATURE_HEADER,
    showWhen: { key: 'sender', values: ['returnflows'] },
    exceptions: { zapier: ZAPIER_API_ONLY },
  },
  {
    key: 'signature_encoding',
    label: 'Signature Encoding',
    type: 'choice',
    required: false,
    help: 'How the sender writes the HMAC: hex or base64.',
    choices: [
      { value: 'hex', label: 'Hex' },
      { value: 'base64', label: 'Base64' },
    ],
    default: 'hex',
    showWhen: { key: 'sender', values: ['returnflows'] },
    exceptions: { zapier: ZAPIER_API_ONLY },
  },
];

export const EVENT_TYPES_FIELD: FieldSpec = {
  key: 'event_types',
  label: 'Event Types',
  type: 'choices',
  required: false,
  help: 'The events that start the workflow. Leave empty for every event.',
  choices: eventTypeChoices(EVENT_TYPES),
  exceptions: {
    n8n: 'Rendered as the trigger node’s `events` parameter (same label and choices), the name saved n8n workflows already use; its default stays return.created for the same reason.',
  },
};

/** The fields of one trigger: the shared settings, and the event picker for New Event. */
export function triggerFields(trigger: TriggerSpec): FieldSpec[] {
  return trigger.events === 'chosen'
    ? [EVENT_TYPES_FIELD, ...TRIGGER_SETTING_FIELDS]
    : [...TRIGGER_SETTING_FIELDS];
}

export interface TriggerSettings {
  sender: Sender;
  /** For the Returns API the chosen scheme; for a vendor, the one it signs with. */
  scheme: SignatureScheme;
  payloadFormat: PayloadFormat;
  retry: boolean;
  /** What to subscribe to and accept: listed types, or every event. */
  events: EventType[] | ['*'];
  signingSecret?: string;
  /** A second secret accepted while a rotation runs, so that no delivery is refused meanwhile. */
  previousSecret?: string;
  /** The subscription's delivery conditions (Returns API sender only); absent when none is chosen. */
  conditions?: DeliveryConditions;
  header?: string;
  encoding?: SignatureEncoding;
}

/** A trigger's form as the settings the subscription and the verifier need. */
export function readTriggerSettings(trigger: TriggerSpec, form: FormValues): TriggerSettings {
  const v = readForm(triggerFields(trigger), form);
  const sender = (v.sender as Sender | undefined) ?? 'returns_api';
  const chosen = v.event_types as EventType[] | undefined;
  const events =
    trigger.events === 'chosen' ? (chosen?.length ? chosen : ['*' as const]) : [...trigger.events];
  const vendor = SENDERS[sender];
  return {
    sender,
    scheme: vendor.scheme ?? (v.scheme as SignatureScheme | undefined) ?? 'hmac-sha256',
    payloadFormat: vendor.payloadFormat,
    retry: (v.retry as boolean | undefined) ?? true,
    events: events as EventType[] | ['*'],
    signingSecret: v.signing_secret as string | undefined,
    previousSecret: v.previous_secret as string | undefined,
    conditions: sender === 'returns_api' ? conditionsOf(v) : undefined,
    header: sender === 'returnflows' ? (v.signature_header as string | undefined) : undefined,
    encoding: sender === 'returnflows' ? (v.signature_encoding as SignatureEncoding | undefined) : undefined,
  };
}

/** The conditions chosen, or undefined for none: an empty list means "any", not "nothing". */
function conditionsOf(v: FormValues): DeliveryConditions | undefined {
  const shipping = v.shipping_status as DeliveryConditions['shipping_status'];
  const returnType = v.return_type as DeliveryConditions['return_type'];
  const conditions: DeliveryConditions = {
    ...(shipping?.length ? { shipping_status: shipping } : {}),
    ...(returnType?.length ? { return_type: returnType } : {}),
  };
  return Object.keys(conditions).length > 0 ? conditions : undefined;
}

/** Whether a verified event is one this trigger starts on. */
export function wantsEvent(settings: TriggerSettings, type: EventType): boolean {
  return settings.events[0] === '*' || (settings.events as EventType[]).includes(type);
}
