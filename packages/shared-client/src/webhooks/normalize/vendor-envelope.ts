import { createHash } from 'node:crypto';
import type { EventEnvelope, EventType, Rma, RmaStatus } from '../../contract';

/** Vendors publish no SLA: a normalized RMA gets this many days from its creation. */
export const VENDOR_SLA_DAYS = 14;

type Vendor = 'redo' | 'swap';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** `rma_<vendor id>` when the vendor id fits our id alphabet, else a stable hash of it. */
export function vendorRmaId(vendorId: string): string {
  return /^[A-Za-z0-9]{1,44}$/.test(vendorId) ? `rma_${vendorId}` : `rma_${sha256Hex(vendorId).slice(0, 32)}`;
}

/** A deterministic event id from the vendor's dedupe key, so retries normalize to the same id. */
export function vendorEventId(dedupeKey: string): string {
  return `evt_${sha256Hex(dedupeKey).slice(0, 32)}`;
}

/** A string map that satisfies the contract's Metadata limits; absent values are left out. */
function metadata(entries: Record<string, string | undefined>): Rma['metadata'] {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value.slice(0, 500);
  return out;
}

export interface VendorRmaFields {
  vendor: Vendor;
  vendorId: string;
  status: RmaStatus;
  createdAt: string;
  updatedAt: string;
  customer: Rma['customer'];
  items: Rma['items'];
  credit?: Rma['credit'];
  shipment?: Rma['shipment'];
  returnType?: Rma['return_type'];
  externalReference?: string;
  extraMetadata?: Record<string, string | undefined>;
}

/** A contract RMA from what a vendor told us; fields the vendor has no notion of stay null. */
export function vendorRma(f: VendorRmaFields): Rma {
  const due = new Date(Date.parse(f.createdAt) + VENDOR_SLA_DAYS * 86_400_000).toISOString();
  return {
    id: vendorRmaId(f.vendorId),
    kind: 'trade_return',
    status: f.status,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    customer: f.customer,
    items: f.items,
    serial: null,
    fault_description: null,
    product: null,
    credit: f.credit ?? null,
    label: null,
    shipment: f.shipment ?? null,
    return_type: f.returnType ?? null,
    sla: { due_at: due, breached_at: null },
    metadata: metadata({ source_vendor: f.vendor, source_return_id: f.vendorId, ...f.extraMetadata }),
    external_reference: f.externalReference ?? null,
    history: [{ status: f.status, at: f.updatedAt, note: null }],
  };
}

export interface VendorEnvelopeFields {
  vendor: Vendor;
  id: string;
  type: EventType;
  at: string;
  replay: boolean;
  rma: Rma;
  payload: unknown;
}

/**
 * The envelope for a vendor event. Vendors send no per-subject sequence; the event time in
 * milliseconds stands in, so it still rises for later events of the same return.
 */
export function vendorEnvelope(f: VendorEnvelopeFields): EventEnvelope {
  return {
    id: f.id,
    type: f.type,
    created_at: f.at,
    api_version: 'v1',
    subject: { type: 'rma', id: f.rma.id },
    sequence: Math.max(1, Date.parse(f.at)),
    test: false,
    replay: f.replay,
    data: { rma: f.rma, source: { vendor: f.vendor, payload: f.payload } },
  };
}
