import type { z } from 'zod';
import type { CreateOfflineRepairBody, CreateTradeReturnBody, Rma } from '@returns-pack/shared-client';

export type TradeReturnInput = z.output<typeof CreateTradeReturnBody>;
export type OfflineRepairInput = z.output<typeof CreateOfflineRepairBody>;

/** What the service decides for a new RMA; the rest comes from the request body. */
export interface NewRma {
  id: string;
  now: string;
  slaDueAt: string;
}

export function newTradeReturn(input: TradeReturnInput, { id, now, slaDueAt }: NewRma): Rma {
  return {
    id,
    kind: 'trade_return',
    status: 'REQUESTED',
    created_at: now,
    updated_at: now,
    customer: {
      email: input.customer.email,
      name: input.customer.name ?? null,
      company: input.customer.company ?? null,
    },
    items: input.items.map((item) => ({
      sku: item.sku,
      quantity: item.quantity,
      reason: item.reason ?? null,
      unit_price: item.unit_price ?? null,
    })),
    serial: null,
    fault_description: null,
    product: null,
    credit: input.credit_requested ? { ...input.credit_requested, status: 'pending' } : null,
    label: null,
    // A trade return travels back to the shop, so it has a shipment from the start (seed 003 filters on it).
    shipment: { status: 'pre_transit', tracking_number: null, delivered_at: null },
    return_type: input.return_type ?? 'refund',
    sla: { due_at: slaDueAt, breached_at: null },
    metadata: input.metadata ?? {},
    external_reference: input.external_reference ?? null,
    history: [{ status: 'REQUESTED', at: now, note: null }],
  };
}

export function newOfflineRepair(input: OfflineRepairInput, { id, now, slaDueAt }: NewRma): Rma {
  return {
    id,
    kind: 'offline_repair',
    // Seed 000: the counter swaps the item on the spot, so a repair starts there.
    status: 'COUNTER_SWAPPED',
    created_at: now,
    updated_at: now,
    customer: { email: input.customer_email, name: input.customer_name ?? null, company: null },
    items: [],
    serial: input.serial,
    fault_description: input.fault_description,
    product: input.product ?? null,
    credit: null,
    label: null,
    shipment: null,
    return_type: null,
    sla: { due_at: slaDueAt, breached_at: null },
    metadata: input.metadata ?? {},
    external_reference: null,
    history: [{ status: 'COUNTER_SWAPPED', at: now, note: null }],
  };
}
