import { z } from 'zod';

export const RmaKind = z.enum(['trade_return', 'offline_repair']);
export type RmaKind = z.infer<typeof RmaKind>;

export const TRADE_RETURN_FLOW = [
  'REQUESTED',
  'APPROVED',
  'LABEL_CREATED',
  'IN_TRANSIT',
  'DELIVERED',
  'RECEIVED',
  'PROCESSED',
  'CREDIT_REQUESTED',
  'CREDITED',
  'CLOSED',
] as const;

export const OFFLINE_REPAIR_FLOW = [
  'COUNTER_SWAPPED',
  'IN_REPAIR',
  'REPAIRED',
  'READY_FOR_PICKUP',
  'CLOSED',
] as const;

export const RmaStatus = z.enum([
  ...TRADE_RETURN_FLOW,
  'COUNTER_SWAPPED',
  'IN_REPAIR',
  'REPAIRED',
  'READY_FOR_PICKUP',
  'CANCELED',
  'PAUSED',
]);
export type RmaStatus = z.infer<typeof RmaStatus>;

export const TradeReturnStatus = z.enum([...TRADE_RETURN_FLOW, 'CANCELED', 'PAUSED']);
export const OfflineRepairStatus = z.enum([...OFFLINE_REPAIR_FLOW, 'CANCELED']);

export const TERMINAL_STATUSES: readonly RmaStatus[] = ['CLOSED', 'CANCELED'];

export const ShipmentStatus = z.enum(['pre_transit', 'in_transit', 'delivered']);
export type ShipmentStatus = z.infer<typeof ShipmentStatus>;

export const ReturnType = z.enum([
  'refund',
  'shop_now_credit',
  'shop_later_credit',
  'exchange',
  'additional_payment',
]);
export type ReturnType = z.infer<typeof ReturnType>;

export const CreditStatus = z.enum(['pending', 'requested', 'credited']);
