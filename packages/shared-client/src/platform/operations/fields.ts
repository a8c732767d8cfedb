import { EVENT_TYPES, ReturnType, RmaKind, RmaStatus } from '../../contract';
import { enumChoices } from '../form/choices';
import { text } from '../form/coerce';
import type { FieldSpec } from '../form/fields';
import { eventTypeChoices } from '../triggers/event-choices';

/** Fields more than one operation asks for, worded once. */

export const customerEmail: FieldSpec = {
  key: 'customer_email',
  label: 'Customer Email',
  type: 'string',
  required: true,
  help: 'E-mail address of the customer.',
  placeholder: 'name@example.com',
};

export const customerName: FieldSpec = {
  key: 'customer_name',
  label: 'Customer Name',
  type: 'string',
  required: false,
  help: 'Full name of the customer.',
};

export const externalReference: FieldSpec = {
  key: 'external_reference',
  label: 'External Reference',
  type: 'string',
  required: false,
  help: 'Your own reference, e.g. the ERP order number. Find RMA can search by it.',
};

export const metadata: FieldSpec = {
  key: 'metadata',
  label: 'Metadata',
  type: 'string_map',
  required: false,
  help: 'Your own text values to store with the RMA (up to 50 keys), e.g. erp_order = SO-10442.',
};

export const idempotencyKey: FieldSpec = {
  key: 'idempotency_key',
  label: 'Idempotency Key',
  type: 'string',
  required: false,
  help: 'Sending the same key again returns the first answer instead of creating a duplicate. Leave empty for a fresh key per run.',
};

export const rmaId: FieldSpec = {
  key: 'rma_id',
  label: 'RMA ID',
  type: 'rma_id',
  required: true,
  help: 'The RMA, e.g. rma_8f2k3j9x: pick one from the list or enter an ID.',
  placeholder: 'rma_8f2k3j9x',
};

export const webhookId: FieldSpec = {
  key: 'webhook_id',
  label: 'Webhook Subscription ID',
  type: 'webhook_id',
  required: true,
  help: 'The webhook subscription, e.g. wh_3k9d2: pick one from the list or enter an ID.',
  placeholder: 'wh_3k9d2',
};

export const kind: FieldSpec = {
  key: 'kind',
  label: 'Kind',
  type: 'choice',
  required: false,
  help: 'Only trade returns, or only offline repairs.',
  choices: enumChoices(RmaKind.options),
};

export const status: FieldSpec = {
  key: 'status',
  label: 'Status',
  type: 'choice',
  required: false,
  help: 'Only RMAs in this status.',
  choices: enumChoices(RmaStatus.options),
};

export const returnType: FieldSpec = {
  key: 'return_type',
  label: 'Return Type',
  type: 'choice',
  required: false,
  help: 'How the customer is compensated; empty for the account default.',
  choices: enumChoices(ReturnType.options),
};

export const createdAfter: FieldSpec = {
  key: 'created_after',
  label: 'Created After',
  type: 'datetime',
  required: false,
  help: 'Only those created after this date and time.',
};

export const limit: FieldSpec = {
  key: 'limit',
  label: 'Limit',
  type: 'integer',
  required: false,
  help: 'The most results to return, across as many pages as it takes (default 50).',
  default: 50,
};

export const eventType: FieldSpec = {
  key: 'type',
  label: 'Event Type',
  type: 'choice',
  required: false,
  help: 'Only events of this type.',
  choices: eventTypeChoices(EVENT_TYPES),
};

/** The Idempotency Key field's value, for the create call's options (it is not part of the body). */
export const idempotencyKeyOf = (form: Record<string, unknown>): string | undefined =>
  text(form[idempotencyKey.key], idempotencyKey.key);
