/**
 * The fields of what operations and triggers return, labelled once. Keys are paths: `customer.email`
 * for nesting, `items[].sku` for a field of each list element; platforms that declare output fields
 * (Zapier) spell them in their own notation.
 */
export interface OutputField {
  key: string;
  label: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
}

export const RMA_OUTPUT_FIELDS: readonly OutputField[] = [
  { key: 'id', label: 'RMA ID', type: 'string' },
  { key: 'kind', label: 'Kind', type: 'string' },
  { key: 'status', label: 'Status', type: 'string' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
  { key: 'customer.email', label: 'Customer Email', type: 'string' },
  { key: 'customer.name', label: 'Customer Name', type: 'string' },
  { key: 'customer.company', label: 'Customer Company', type: 'string' },
  { key: 'items[].sku', label: 'Item SKU', type: 'string' },
  { key: 'items[].quantity', label: 'Item Quantity', type: 'integer' },
  { key: 'items[].reason', label: 'Item Reason', type: 'string' },
  { key: 'items[].unit_price', label: 'Item Unit Price', type: 'number' },
  { key: 'serial', label: 'Serial Number', type: 'string' },
  { key: 'fault_description', label: 'Fault Description', type: 'string' },
  { key: 'product', label: 'Product', type: 'string' },
  { key: 'credit.amount', label: 'Credit Amount', type: 'number' },
  { key: 'credit.currency', label: 'Credit Currency', type: 'string' },
  { key: 'credit.status', label: 'Credit Status', type: 'string' },
  { key: 'label.carrier', label: 'Label Carrier', type: 'string' },
  { key: 'label.tracking_number', label: 'Label Tracking Number', type: 'string' },
  { key: 'label.url', label: 'Label URL', type: 'string' },
  { key: 'shipment.status', label: 'Shipment Status', type: 'string' },
  { key: 'shipment.tracking_number', label: 'Shipment Tracking Number', type: 'string' },
  { key: 'shipment.delivered_at', label: 'Shipment Delivered At', type: 'datetime' },
  { key: 'return_type', label: 'Return Type', type: 'string' },
  { key: 'sla.due_at', label: 'SLA Due At', type: 'datetime' },
  { key: 'sla.breached_at', label: 'SLA Breached At', type: 'datetime' },
  { key: 'external_reference', label: 'External Reference', type: 'string' },
  { key: 'metadata', label: 'Metadata', type: 'string' },
  { key: 'history[].status', label: 'History Status', type: 'string' },
  { key: 'history[].at', label: 'History At', type: 'datetime' },
  { key: 'history[].note', label: 'History Note', type: 'string' },
];

/** What instant triggers emit: the event envelope, its RMA under `data.rma`. */
export const EVENT_OUTPUT_FIELDS: readonly OutputField[] = [
  { key: 'id', label: 'Event ID', type: 'string' },
  { key: 'type', label: 'Event Type', type: 'string' },
  { key: 'created_at', label: 'Event Time', type: 'datetime' },
  { key: 'sequence', label: 'Event Sequence', type: 'integer' },
  { key: 'test', label: 'Test Event', type: 'boolean' },
  { key: 'replay', label: 'Replayed Event', type: 'boolean' },
  { key: 'data.previous_status', label: 'Previous Status', type: 'string' },
  ...RMA_OUTPUT_FIELDS.map((field) => ({ ...field, key: `data.rma.${field.key}` })),
];

export const REPLAY_OUTPUT_FIELDS: readonly OutputField[] = [
  { key: 'replayed', label: 'Events Replayed', type: 'integer' },
];

/** One delivery attempt of a webhook subscription (its delivery log). */
export const DELIVERY_OUTPUT_FIELDS: readonly OutputField[] = [
  { key: 'id', label: 'Attempt ID', type: 'string' },
  { key: 'webhook_id', label: 'Webhook Subscription ID', type: 'string' },
  { key: 'event_id', label: 'Event ID', type: 'string' },
  { key: 'event_type', label: 'Event Type', type: 'string' },
  { key: 'attempt', label: 'Attempt', type: 'integer' },
  { key: 'status_code', label: 'Status Code', type: 'integer' },
  { key: 'duration_ms', label: 'Duration (ms)', type: 'number' },
  { key: 'error', label: 'Error', type: 'string' },
  { key: 'outcome', label: 'Outcome', type: 'string' },
  { key: 'at', label: 'Attempted At', type: 'datetime' },
  { key: 'next_attempt_at', label: 'Next Attempt At', type: 'datetime' },
];

export const OUTPUT_FIELDS = {
  rma: RMA_OUTPUT_FIELDS,
  event: EVENT_OUTPUT_FIELDS,
  replay: REPLAY_OUTPUT_FIELDS,
  delivery: DELIVERY_OUTPUT_FIELDS,
} as const;
