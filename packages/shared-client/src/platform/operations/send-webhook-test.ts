import type { EventEnvelope, EventType } from '../../contract';
import { sampleEvent } from '../../samples';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import * as f from './fields';
import { API_DOCS, defineOperation } from './types';

const fields: FieldSpec[] = [
  f.webhookId,
  { ...f.eventType, help: 'The type of the test event; empty for Return Created.' },
];

/** `POST /external/v1/webhooks/{id}/test`: a sample event flagged `test`, through the real delivery path. */
export const sendWebhookTest = defineOperation<EventEnvelope>({
  key: 'send_webhook_test_event',
  kind: 'action',
  resource: 'webhook',
  n8nOperation: 'sendTest',
  noun: 'Webhook Test Event',
  label: 'Send Webhook Test Event',
  description: 'Sends one test event (flagged test) to a webhook subscription, signed like any delivery.',
  action: 'Send a test event to a webhook subscription',
  docs: `${API_DOCS}#test-event`,
  fields,
  readOnly: false,
  destructive: false,
  output: 'event',
  returns: 'one',
  sample: { ...sampleEvent('return.created'), test: true },
  example: {},
  run: async (client, form) => {
    const v = readForm(fields, form);
    const type = v.type as EventType | undefined;
    return (await client.webhooks.test(v.webhook_id as string, type ? { type } : {})).event;
  },
  summary: (event) => `Sent test event ${event.id} (${event.type})`,
  exceptions: {
    zapier:
      'Zapier creates and owns one REST-hook subscription per Zap and never shows its id, so there is no subscription to pick; the Zap editor’s Test trigger plays that part.',
  },
});
