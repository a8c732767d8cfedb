import { z } from 'zod';
import type { EventType, Rma, RmaStatus } from '../../contract';
import { refuse } from '../errors';
import type { NormalizedDelivery } from './payload';
import { vendorEnvelope, vendorEventId, vendorRma } from './vendor-envelope';
import {
  amount,
  currency,
  email,
  isoTimestamp,
  lenient,
  mapStatus,
  nonEmpty,
  parseVendorPayload,
  present,
  quantity,
} from './vendor-values';

/** Redo's `type` → our event type and replay flag (seed 002: backfill is a historical replay). */
const REDO_TYPES: Record<string, { type: EventType; replay: boolean }> = {
  created: { type: 'return.created', replay: false },
  updated: { type: 'return.updated', replay: false },
  backfill: { type: 'return.updated', replay: true },
};

const REDO_STATUSES: Record<string, RmaStatus> = {
  pending: 'REQUESTED',
  open: 'APPROVED',
  approved: 'APPROVED',
  in_transit: 'IN_TRANSIT',
  delivered: 'DELIVERED',
  needs_review: 'RECEIVED',
  in_review: 'RECEIVED',
  received: 'RECEIVED',
  complete: 'CLOSED',
  completed: 'CLOSED',
  rejected: 'CANCELED',
  canceled: 'CANCELED',
  cancelled: 'CANCELED',
};

const text = lenient(z.string());
const RedoTotal = lenient(
  z.object({ amount: z.object({ amount: z.union([z.string(), z.number()]), currency: z.string() }) }),
);

/** Only `type`, `at` and `return.id` are required: everything else is mapped when it makes sense. */
const RedoEvent = z.object({
  type: z.string(),
  at: z.string(),
  return: z.object({
    id: z.string().min(1),
    status: text,
    createdAt: text,
    updatedAt: text,
    order: lenient(z.object({ id: text })),
    items: lenient(
      z.array(
        lenient(
          z.object({
            id: text,
            orderItem: lenient(z.object({ id: text })),
            quantity: lenient(z.number()),
            reason: text,
          }),
        ),
      ),
    ),
    source: lenient(z.object({ emailAddress: text, name: lenient(z.object({ first: text, last: text })) })),
    totals: lenient(
      z.object({ refund: RedoTotal, exchange: RedoTotal, storeCredit: RedoTotal, charge: RedoTotal }),
    ),
  }),
  order: lenient(
    z.object({
      id: text,
      items: lenient(
        z.array(lenient(z.object({ id: text, variant: lenient(z.object({ externalId: text })) }))),
      ),
    }),
  ),
});
type RedoEvent = z.infer<typeof RedoEvent>;
type RedoTotals = NonNullable<RedoEvent['return']['totals']>;

/** A Redo return event (seed 002) as our envelope; the original rides along in `data.source`. */
export function fromRedo(payload: unknown): NormalizedDelivery {
  const redo = parseVendorPayload(RedoEvent, payload, 'Redo event');
  const kind = Object.hasOwn(REDO_TYPES, redo.type) ? REDO_TYPES[redo.type] : undefined;
  if (!kind) {
    return refuse(
      'unknown_payload',
      `The Redo event type "${redo.type.slice(0, 60)}" is not one this connector handles (created, updated, backfill).`,
    );
  }
  const at = isoTimestamp(redo.at) ?? refuse('malformed', 'The Redo event has no valid "at" timestamp.');
  const rma = redoRma(redo, at);
  return {
    // Seed 002's dedupe key is `${return.id}-${at}`: the id derives from it, so a retry maps to the same id.
    event: vendorEnvelope({
      vendor: 'redo',
      id: vendorEventId(`${redo.return.id}-${redo.at}`),
      type: kind.type,
      at,
      replay: kind.replay,
      rma,
      payload,
    }),
    returnId: redo.return.id,
  };
}

function redoRma(redo: RedoEvent, at: string): Rma {
  const ret = redo.return;
  const variants = new Map<string, string>();
  for (const item of present(redo.order?.items)) {
    if (item.id && item.variant?.externalId) variants.set(item.id, item.variant.externalId);
  }
  const createdAt = isoTimestamp(ret.createdAt) ?? at;
  const money = redoMoney(ret.totals);
  const name = [ret.source?.name?.first, ret.source?.name?.last]
    .filter((p) => p && p.trim() !== '')
    .join(' ');
  return vendorRma({
    vendor: 'redo',
    vendorId: ret.id,
    status: mapStatus(ret.status, REDO_STATUSES, 'REQUESTED'),
    createdAt,
    updatedAt: isoTimestamp(ret.updatedAt) ?? at,
    customer: { email: email(ret.source?.emailAddress), name: name || null, company: null },
    items: present(ret.items).map((item) => ({
      sku: nonEmpty(variants.get(item.orderItem?.id ?? ''), item.orderItem?.id, item.id) ?? 'unknown',
      quantity: quantity(item.quantity),
      reason: nonEmpty(item.reason) ?? null,
      unit_price: null,
    })),
    credit: money.credit,
    returnType: money.return_type,
    externalReference: nonEmpty(ret.order?.id, redo.order?.id),
    extraMetadata: { source_order_id: nonEmpty(ret.order?.id, redo.order?.id) },
  });
}

/** Redo splits a return's value into totals; the first non-zero one says what kind of return it is. */
function redoMoney(totals: RedoTotals | undefined): Pick<Rma, 'credit' | 'return_type'> {
  const kinds = [
    ['refund', totals?.refund],
    ['shop_later_credit', totals?.storeCredit],
    ['exchange', totals?.exchange],
    ['additional_payment', totals?.charge],
  ] as const;
  for (const [returnType, total] of kinds) {
    const value = amount(total?.amount.amount);
    const code = currency(total?.amount.currency);
    if (value !== undefined && value > 0 && code !== undefined) {
      const credit = returnType === 'refund' || returnType === 'shop_later_credit';
      return {
        return_type: returnType,
        credit: credit ? { amount: value, currency: code, status: 'pending' } : null,
      };
    }
  }
  return { return_type: null, credit: null };
}
