import type { DeliveryAttempt, DeliveryListFilters } from '../../contract';
import { enumChoices } from '../form/choices';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import * as f from './fields';
import { listUpTo, listed } from './list';
import { API_DOCS, defineOperation } from './types';

const fields: FieldSpec[] = [
  f.webhookId,
  {
    key: 'outcome',
    label: 'Outcome',
    type: 'choice',
    required: false,
    help: 'Only attempts that ended this way: delivered, failed (to be retried) or given up.',
    choices: enumChoices(['delivered', 'failed', 'given_up']),
  },
  {
    key: 'event_id',
    label: 'Event ID',
    type: 'string',
    required: false,
    help: 'Only the attempts of this event, e.g. evt_5b9c1d.',
  },
  f.limit,
];

const SAMPLE_ATTEMPT: DeliveryAttempt = {
  id: 'dlv_2c8f1a9d',
  webhook_id: 'wh_3k9d2',
  event_id: 'evt_5b9c1d',
  event_type: 'return.created',
  attempt: 1,
  status_code: 200,
  duration_ms: 84,
  error: null,
  outcome: 'delivered',
  response_snippet: '{"received":true}',
  at: '2025-03-11T08:15:41Z',
  next_attempt_at: null,
};

/** `GET /external/v1/webhooks/{id}/deliveries`: the delivery log, to see why a workflow did not start. */
export const listWebhookDeliveries = defineOperation<DeliveryAttempt[]>({
  key: 'list_webhook_deliveries',
  kind: 'list',
  resource: 'webhook',
  n8nOperation: 'getDeliveries',
  noun: 'Webhook Delivery',
  label: 'List Webhook Deliveries',
  description: 'Lists the delivery attempts of a webhook subscription, newest first, with status and error.',
  action: 'List the delivery attempts of a webhook subscription',
  docs: `${API_DOCS}#deliveries`,
  fields,
  readOnly: true,
  destructive: false,
  output: 'delivery',
  returns: 'many',
  sample: SAMPLE_ATTEMPT,
  example: { limit: 5 },
  run: (client, form) => {
    const { webhook_id: id, ...filters } = readForm(fields, form);
    return listUpTo(filters, (f: DeliveryListFilters) => client.webhooks.iterateDeliveries(id as string, f));
  },
  summary: (attempts) => listed(attempts.length, 'delivery attempt'),
  exceptions: {
    zapier:
      'Zapier creates and owns one REST-hook subscription per Zap and never shows its id, so there is no subscription to pick; Zapier shows a Zap’s runs in its own history.',
  },
});
