import { z } from 'zod';
import { Amount, Cursor, Email, Metadata, Money, QueryBoolean, QueryLimit, Timestamp } from './primitives';
import { RmaId } from './rma';
import { ReturnType, RmaKind, RmaStatus } from './statuses';

const text = (max: number) => z.string().trim().min(1).max(max);

export const CreateTradeReturnItem = z
  .object({
    sku: text(100),
    quantity: z.number().int().min(1).max(10_000),
    reason: text(500).optional(),
    unit_price: Amount.optional(),
  })
  .strict();

export const CreateTradeReturnBody = z
  .object({
    customer: z.object({ email: Email, name: text(200).optional(), company: text(200).optional() }).strict(),
    items: z.array(CreateTradeReturnItem).min(1).max(100),
    credit_requested: Money.optional(),
    requires_label: z.boolean().optional(),
    return_type: ReturnType.optional(),
    external_reference: text(200).optional(),
    metadata: Metadata.optional(),
  })
  .strict();
export type CreateTradeReturnBody = z.input<typeof CreateTradeReturnBody>;

export const CreateOfflineRepairBody = z
  .object({
    serial: text(100),
    fault_description: text(2000),
    customer_email: Email,
    customer_name: text(200).optional(),
    product: text(200).optional(),
    metadata: Metadata.optional(),
  })
  .strict();
export type CreateOfflineRepairBody = z.input<typeof CreateOfflineRepairBody>;

export const RmaListFilters = z
  .object({
    status: RmaStatus.optional(),
    customer_email: Email.optional(),
    created_after: Timestamp.optional(),
    created_before: Timestamp.optional(),
    updated_after: Timestamp.optional(),
    breached: QueryBoolean.optional(),
    kind: RmaKind.optional(),
    /** v1.1: exact match, server side, so a lookup by the caller's own reference needs no scan. */
    external_reference: text(200).optional(),
    limit: QueryLimit,
    cursor: Cursor.optional(),
  })
  .strict();
export type RmaListFilters = z.input<typeof RmaListFilters>;

/** The per-kind lists take the same filters but `kind`. */
export const KindListFilters = RmaListFilters.omit({ kind: true });
export type KindListFilters = z.input<typeof KindListFilters>;

export const RmaIdParams = z.object({ id: RmaId }).strict();

/** v1.1 `POST /external/v1/trade-returns/{id}/label`: the carrier is the merchant's default when left out. */
export const GenerateLabelBody = z.object({ carrier: text(50).optional() }).strict();
export type GenerateLabelBody = z.input<typeof GenerateLabelBody>;
