import { z } from 'zod';
import { Currency, Email, Amount, Metadata, Timestamp, prefixedId } from './primitives';
import { CreditStatus, RmaKind, RmaStatus, ReturnType, ShipmentStatus } from './statuses';

export const RmaId = prefixedId('rma').describe('RMA id, e.g. rma_8f2k3j');

export const Customer = z.object({
  email: Email,
  name: z.string().nullable(),
  company: z.string().nullable(),
});
export type Customer = z.infer<typeof Customer>;

export const RmaItem = z.object({
  sku: z.string(),
  quantity: z.number().int().positive(),
  reason: z.string().nullable(),
  unit_price: Amount.nullable(),
});
export type RmaItem = z.infer<typeof RmaItem>;

export const Credit = z.object({ amount: Amount, currency: Currency, status: CreditStatus });
export const Label = z.object({ carrier: z.string(), tracking_number: z.string(), url: z.url() });
export const Shipment = z.object({
  status: ShipmentStatus,
  tracking_number: z.string().nullable(),
  delivered_at: Timestamp.nullable(),
});
export const Sla = z.object({ due_at: Timestamp, breached_at: Timestamp.nullable() });
export const HistoryEntry = z.object({ status: RmaStatus, at: Timestamp, note: z.string().nullable() });

export const Rma = z.object({
  id: RmaId,
  kind: RmaKind,
  status: RmaStatus,
  created_at: Timestamp,
  updated_at: Timestamp,
  customer: Customer,
  items: z.array(RmaItem),
  serial: z.string().nullable(),
  fault_description: z.string().nullable(),
  product: z.string().nullable(),
  credit: Credit.nullable(),
  label: Label.nullable(),
  shipment: Shipment.nullable(),
  return_type: ReturnType.nullable(),
  sla: Sla,
  metadata: Metadata,
  external_reference: z.string().nullable(),
  history: z.array(HistoryEntry),
});
export type Rma = z.infer<typeof Rma>;
