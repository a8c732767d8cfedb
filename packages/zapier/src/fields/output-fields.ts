import type { PlainOutputField } from 'zapier-platform-core';

type Field = Pick<PlainOutputField, 'key' | 'label' | 'type'>;

/** Labels for an RMA's fields (Zapier keys: `__` for nesting, `[]` for line items). */
const RMA_FIELDS: Field[] = [
  { key: 'id', label: 'RMA ID', type: 'string' },
  { key: 'kind', label: 'Kind', type: 'string' },
  { key: 'status', label: 'Status', type: 'string' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
  { key: 'customer__email', label: 'Customer Email', type: 'string' },
  { key: 'customer__name', label: 'Customer Name', type: 'string' },
  { key: 'customer__company', label: 'Customer Company', type: 'string' },
  { key: 'items[]sku', label: 'Item SKU', type: 'string' },
  { key: 'items[]quantity', label: 'Item Quantity', type: 'integer' },
  { key: 'items[]reason', label: 'Item Reason', type: 'string' },
  { key: 'items[]unit_price', label: 'Item Unit Price', type: 'number' },
  { key: 'serial', label: 'Serial Number', type: 'string' },
  { key: 'fault_description', label: 'Fault Description', type: 'string' },
  { key: 'product', label: 'Product', type: 'string' },
  { key: 'credit__amount', label: 'Credit Amount', type: 'number' },
  { key: 'credit__currency', label: 'Credit Currency', type: 'string' },
  { key: 'credit__status', label: 'Credit Status', type: 'string' },
  { key: 'label__carrier', label: 'Label Carrier', type: 'string' },
  { key: 'label__tracking_number', label: 'Label Tracking Number', type: 'string' },
  { key: 'label__url', label: 'Label URL', type: 'string' },
  { key: 'shipment__status', label: 'Shipment Status', type: 'string' },
  { key: 'shipment__tracking_number', label: 'Shipment Tracking Number', type: 'string' },
  { key: 'shipment__delivered_at', label: 'Shipment Delivered At', type: 'datetime' },
  { key: 'return_type', label: 'Return Type', type: 'string' },
  { key: 'sla__due_at', label: 'SLA Due At', type: 'datetime' },
  { key: 'sla__breached_at', label: 'SLA Breached At', type: 'datetime' },
  { key: 'external_reference', label: 'External Reference', type: 'string' },
  { key: 'history[]status', label: 'History Status', type: 'string' },
  { key: 'history[]at', label: 'History At', type: 'datetime' },
  { key: 'history[]note', label: 'History Note', type: 'string' },
];

/** What creates and searches return: the RMA itself. */
export const RMA_OUTPUT_FIELDS: PlainOutputField[] = RMA_FIELDS;

/** What the instant triggers return: the event envelope, its RMA under `data.rma`. */
export const EVENT_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Event ID', type: 'string' },
  { key: 'type', label: 'Event Type', type: 'string' },
  { key: 'created_at', label: 'Event Time', type: 'datetime' },
  { key: 'sequence', label: 'Event Sequence', type: 'integer' },
  { key: 'test', label: 'Test Event', type: 'boolean' },
  { key: 'replay', label: 'Replayed Event', type: 'boolean' },
  { key: 'data__previous_status', label: 'Previous Status', type: 'string' },
  ...RMA_FIELDS.map((field) => ({ ...field, key: `data__rma__${field.key}` })),
];
