import { z } from 'zod';
import { EventId, ReturnType } from '../../contract';
import type { EventType, Rma, RmaStatus } from '../../contract';
import { refuse } from '../errors';
import type { DeliveryClaims, NormalizedDelivery } from './payload';
import { vendorEnvelope, vendorEventId, vendorRma } from './vendor-envelope';
import {
  amount,
  currency,
  email,
  UNKNOWN_EMAIL,
  isoFromEpochSeconds,
  isoTimestamp,
  lenient,
  mapStatus,
  nonEmpty,
  parseVendorPayload,
  present,
  quantity,
  wordKey,
} from './vendor-values';

/** SWAP's JWT `event` claim → our event type (seed 003 names two events). */
export const SWAP_EVENTS: Readonly<Record<string, EventType>> = {
  returnCreated: 'return.created',
  returnProcessed: 'return.processed',
};

const SHIPPING: Record<string, { status: RmaStatus; shipment: 'pre_transit' | 'in_transit' | 'delivered' }> =
  {
    label_created: { status: 'LABEL_CREATED', shipment: 'pre_transit' },
    pre_transit: { status: 'LABEL_CREATED', shipment: 'pre_transit' },
    in_transit: { status: 'IN_TRANSIT', shipment: 'in_transit' },
    delivered: { status: 'DELIVERED', shipment: 'delivered' },
  };
const SHIPPING_STATUS = Object.fromEntries(Object.entries(SHIPPING).map(([k, v]) => [k, v.status]));

const text = lenient(z.string());
const num = lenient(z.number());

/** Only `return.return_id` is required: everything else is mapped when it makes sense. */
const SwapPayload = z.object({
  return: z.object({
    return_id: z.string().min(1),
    order_name: text,
    order_id: text,
    date_created: text,
    date_updated: text,
    type_string: text,
    shipping_status: text,
    total: num,
    total_refund_value_customer_currency: num,
    customer_currency: text,
    customer_name: text,
    customer_email: text,
    store_id: text,
    tracking_number: text,
    delivered_date: text,
    products: lenient(
      z.array(
        lenient(
          z.object({
            product_id: text,
            shopify_variant_id: text,
            sku: text,
            main_reason_text: text,
            item_count: num,
            cost: num,
          }),
        ),
      ),
    ),
  }),
});
type SwapReturn = z.infer<typeof SwapPayload>['return'];

/** A SWAP return payload (seed 003) as our envelope; its event name comes from the verified JWT. */
export function fromSwap(payload: unknown, claims: DeliveryClaims | undefined): NormalizedDelivery {
  if (!claims) {
    return refuse(
      'unknown_payload',
      'A SWAP payload names its event only inside its JWT: verify SWAP deliveries with the jwt scheme.',
    );
  }
  const ret = parseVendorPayload(SwapPayload, payload, 'SWAP payload').return;
  const eventName = typeof claims.event === 'string' ? claims.event : '';
  const type = Object.hasOwn(SWAP_EVENTS, eventName) ? SWAP_EVENTS[eventName] : undefined;
  if (!type) {
    return refuse(
      'unknown_payload',
      `The SWAP event "${eventName.slice(0, 60)}" is not one this connector handles (returnCreated, returnProcessed).`,
    );
  }
  const at =
    isoTimestamp(ret.date_updated) ??
    isoTimestamp(ret.date_created) ??
    isoFromEpochSeconds(claims.iat) ??
    refuse('malformed', 'The SWAP payload has no valid "return.date_updated" timestamp.');
  const id = EventId.safeParse(claims.event_id).success
    ? (claims.event_id as string)
    : vendorEventId(`${ret.return_id}-${eventName}-${ret.date_updated ?? at}`);
  const rma = swapRma(ret, type, at);
  return {
    event: vendorEnvelope({ vendor: 'swap', id, type, at, replay: false, rma, payload }),
    returnId: ret.return_id,
  };
}

function swapRma(ret: SwapReturn, type: EventType, at: string): Rma {
  const shipping = wordKey(ret.shipping_status);
  const shipment = Object.hasOwn(SHIPPING, shipping) ? SHIPPING[shipping] : undefined;
  const returnType = ReturnType.safeParse(wordKey(ret.type_string));
  const value = amount(ret.total_refund_value_customer_currency ?? ret.total);
  const code = currency(ret.customer_currency);
  const credited =
    returnType.success && returnType.data !== 'exchange' && returnType.data !== 'additional_payment';
  return vendorRma({
    vendor: 'swap',
    vendorId: ret.return_id,
    status:
      type === 'return.processed'
        ? 'PROCESSED'
        : mapStatus(ret.shipping_status, SHIPPING_STATUS, 'REQUESTED'),
    createdAt: isoTimestamp(ret.date_created) ?? at,
    updatedAt: isoTimestamp(ret.date_updated) ?? at,
    customer: { email: email(ret.customer_email), name: nonEmpty(ret.customer_name) ?? null, company: null },
    items: present(ret.products).map((p) => ({
      sku: nonEmpty(p.sku, p.shopify_variant_id, p.product_id) ?? 'unknown',
      quantity: quantity(p.item_count),
      reason: nonEmpty(p.main_reason_text) ?? null,
      unit_price: amount(p.cost) ?? null,
    })),
    credit:
      credited && value !== undefined && code !== undefined
        ? { amount: value, currency: code, status: 'pending' }
        : null,
    shipment: shipment
      ? {
          status: shipment.shipment,
          tracking_number: nonEmpty(ret.tracking_number) ?? null,
          delivered_at: isoTimestamp(ret.delivered_date) ?? null,
        }
      : null,
    returnType: returnType.success ? returnType.data : null,
    externalReference: nonEmpty(ret.order_name),
    extraMetadata: { source_order_id: nonEmpty(ret.order_id), source_store_id: nonEmpty(ret.store_id) },
  });
}

/** The claims a JWT-only body (seed 003's "Request Body Structure") is built from. */
export interface SwapClaims {
  event?: unknown;
  event_id?: unknown;
  return_id: string;
  order_id?: unknown;
  store_id?: unknown;
  iat?: unknown;
}

/**
 * A `{"jwt": …}` body with no payload: the event is all in the verified claims, which ride along as
 * `data.source.payload`. `eventType` is the claim's type, already resolved by the caller.
 */
export function fromSwapClaims(
  claims: SwapClaims,
  eventType: EventType | undefined,
  nowMs: number,
): NormalizedDelivery {
  const eventName = typeof claims.event === 'string' ? claims.event : '';
  if (!eventType) {
    return refuse(
      'unknown_payload',
      `The JWT's event claim "${eventName.slice(0, 60)}" is not an event this connector handles.`,
    );
  }
  const at = isoFromEpochSeconds(claims.iat) ?? new Date(nowMs).toISOString();
  // No payload date to tell two sends apart: the return and event name are the dedupe key, and SWAP
  // sends each of its two events once per return.
  const id = EventId.safeParse(claims.event_id).success
    ? (claims.event_id as string)
    : vendorEventId(`${claims.return_id}-${eventName}`);
  const rma = vendorRma({
    vendor: 'swap',
    vendorId: claims.return_id,
    status: eventType === 'return.processed' ? 'PROCESSED' : 'REQUESTED',
    createdAt: at,
    updatedAt: at,
    customer: { email: UNKNOWN_EMAIL, name: null, company: null },
    items: [],
    extraMetadata: {
      source_order_id: typeof claims.order_id === 'string' ? nonEmpty(claims.order_id) : undefined,
      source_store_id: typeof claims.store_id === 'string' ? nonEmpty(claims.store_id) : undefined,
    },
  });
  return {
    event: vendorEnvelope({ vendor: 'swap', id, type: eventType, at, replay: false, rma, payload: claims }),
    returnId: claims.return_id,
  };
}
