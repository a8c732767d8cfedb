import type { z } from 'zod';
import type { ReplayResult } from '../../contract';
import type { FieldSpec } from '../form/fields';
import { readForm } from '../form/read-form';
import * as f from './fields';
import { API_DOCS, defineOperation } from './types';

type Replayed = z.infer<typeof ReplayResult>;

const fields: FieldSpec[] = [
  f.webhookId,
  {
    key: 'start_time',
    label: 'Start Time',
    type: 'datetime',
    required: true,
    help: 'Re-send the events created from this date and time on.',
  },
  {
    key: 'end_time',
    label: 'End Time',
    type: 'datetime',
    required: true,
    help: 'Re-send the events created up to this date and time.',
  },
];

export const replayWebhook = defineOperation<Replayed>({
  key: 'replay_webhook_events',
  kind: 'action',
  resource: 'webhook',
  n8nOperation: 'replay',
  noun: 'Webhook Replay',
  label: 'Replay Webhook Events',
  description: 'Re-sends the events of a time window to a webhook subscription, flagged as replays.',
  action: 'Replay the events of a time window to a webhook subscription',
  docs: `${API_DOCS}#replay`,
  fields,
  readOnly: false,
  destructive: false,
  output: 'replay',
  returns: 'one',
  sample: { replayed: 3 },
  example: {},
  run: (client, form) => {
    const v = readForm(fields, form);
    return client.webhooks.replay(v.webhook_id as string, {
      start_time: v.start_time as string,
      end_time: v.end_time as string,
    });
  },
  summary: (result) => `Queued ${result.replayed} event${result.replayed === 1 ? '' : 's'} for replay`,
  exceptions: {
    zapier:
      'Zapier creates and owns one REST-hook subscription per Zap and never shows its id, so there is no subscription to pick; Zapier replays a Zap run with its own Replay.',
  },
});
