import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_SIGNATURE_HEADER, eventTypeOptions } from '@returns-pack/shared-client';

const source: INodeProperties = {
  displayName: 'Sender',
  name: 'source',
  type: 'options',
  noDataExpression: true,
  options: [
    {
      name: 'Redo (Bearer Token)',
      value: 'redo',
      description:
        "Paste this node's URL into Redo; deliveries carry the credential's signing secret as a Bearer token",
    },
    {
      name: 'Returns API',
      value: 'returnsApi',
      description: 'The trigger subscribes through the webhooks API when the workflow is activated',
    },
    {
      name: 'Returnflows-Style HMAC',
      value: 'returnflows',
      description: "Paste this node's URL into the sender; deliveries carry an HMAC of the body in a header",
    },
    {
      name: 'SWAP (Signed JWT)',
      value: 'swap',
      description:
        "Paste this node's URL into SWAP; each body holds a JWT signed with the credential's secret",
    },
  ],
  default: 'returnsApi',
  description: 'Who sends the webhooks. Every delivery is verified before the workflow starts.',
};

const events: INodeProperties = {
  displayName: 'Events',
  name: 'events',
  type: 'multiOptions',
  required: true,
  options: [
    { name: '* (All Events)', value: '*', description: 'Triggers on every event' },
    ...eventTypeOptions()
      .map((o) => ({ name: o.label, value: o.value, description: o.description }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  ],
  default: ['return.created'],
  description: 'The events that start the workflow; other deliveries are acknowledged and ignored',
};

const scheme: INodeProperties = {
  displayName: 'Signature Scheme',
  name: 'scheme',
  type: 'options',
  displayOptions: { show: { source: ['returnsApi'] } },
  options: [
    { name: 'Bearer Token', value: 'bearer' },
    { name: 'HMAC-SHA256 Signature', value: 'hmac-sha256' },
    { name: 'Signed JWT', value: 'jwt' },
    { name: 'Standard Webhooks', value: 'standard-webhooks' },
  ],
  default: 'hmac-sha256',
  description: 'How the API signs the deliveries of the subscription this trigger creates',
};

const options: INodeProperties = {
  displayName: 'Options',
  name: 'options',
  type: 'collection',
  placeholder: 'Add Option',
  default: {},
  options: [
    {
      displayName: 'Retry Failed Deliveries',
      name: 'retry',
      type: 'boolean',
      default: true,
      displayOptions: { show: { '/source': ['returnsApi'] } },
      description: 'Whether the API retries a delivery with backoff when n8n does not answer with a 2xx',
    },
    {
      displayName: 'Signature Encoding',
      name: 'encoding',
      type: 'options',
      displayOptions: { show: { '/source': ['returnflows'] } },
      options: [
        { name: 'Base64', value: 'base64' },
        { name: 'Hex', value: 'hex' },
      ],
      default: 'hex',
    },
    {
      displayName: 'Signature Header',
      name: 'header',
      type: 'string',
      displayOptions: { show: { '/source': ['returnflows'] } },
      default: DEFAULT_SIGNATURE_HEADER,
      description: 'The header that carries the HMAC of the raw body',
    },
  ],
};

export const triggerProperties: INodeProperties[] = [source, events, scheme, options];
