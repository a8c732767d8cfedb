import { z } from 'zod';
import { Cursor, QueryLimit, Timestamp, prefixedId } from './primitives';
import { Rma } from './rma';
import { RmaStatus } from './statuses';

/**
 * The event catalogue: every type with the label and description the three platforms show.
 * Adding an event is one line here; triggers, dropdowns and docs read this table.
 */
export const EVENT_CATALOGUE = {
  'return.created': { label: 'Return Created', description: 'a return or repair is created' },
  'return.ready': { label: 'Return Ready', description: 'a return is approved and ready for processing' },
  'return.processed': { label: 'Return Processed', description: 'a return has been processed' },
  'return.canceled': { label: 'Return Canceled', description: 'a return or repair is canceled' },
  'return.paused': { label: 'Return Paused', description: 'a return is paused' },
  'return.resumed': { label: 'Return Resumed', description: 'a paused return is resumed' },
  'return.completed': {
    label: 'Return Completed',
    description: 'a return or repair is completed and closed',
  },
  'return.reset': { label: 'Return Reset', description: 'a return is reset' },
  'return.updated': { label: 'Return Updated', description: 'a return changes in any other way' },
  'return.exchange_released': {
    label: 'Exchange Released',
    description: 'an exchange is released early (instant exchange)',
  },
  'label.generated': { label: 'Label Generated', description: 'a return shipping label is generated' },
  'autoclose.started': { label: 'Auto-Close Started', description: 'the auto-close countdown starts' },
  'autoclose.canceled': { label: 'Auto-Close Canceled', description: 'the auto-close countdown is canceled' },
  'autoclose.completed': { label: 'Auto-Close Completed', description: 'a return is closed automatically' },
  'autoclose.failed': { label: 'Auto-Close Failed', description: 'an automatic close fails' },
  'shipment.in_transit': { label: 'Shipment In Transit', description: 'a return shipment is in transit' },
  'shipment.delivered': { label: 'Shipment Delivered', description: 'a return shipment is delivered' },
  'trade_return.credit_requested': {
    label: 'Trade Return Credit Requested',
    description: 'a credit is requested for a trade return',
  },
  'trade_return.credited': { label: 'Trade Return Credited', description: 'a trade return is credited' },
  'offline_repair.status_changed': {
    label: 'Offline Repair Status Changed',
    description: 'an offline repair changes status',
  },
  'rma.breach': { label: 'RMA Breach', description: 'an RMA breaches its SLA' },
} as const satisfies Record<string, { label: string; description: string }>;

export type EventType = keyof typeof EVENT_CATALOGUE;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as [EventType, ...EventType[]];
export const EventType = z.enum(EVENT_TYPES);

export const EventId = prefixedId('evt').describe('event id, stable across retries and replays');

/** Vendors whose deliveries the verifier normalizes into this envelope. */
export const EventSource = z.enum(['returns-api', 'redo', 'swap']);

export const EventData = z.object({
  rma: Rma,
  previous_status: RmaStatus.nullable().optional(),
  /** Set when the event was normalized from another vendor's payload: the original, untouched. */
  source: z.object({ vendor: EventSource, payload: z.unknown() }).optional(),
});

export const EventEnvelope = z.object({
  id: EventId,
  type: EventType,
  created_at: Timestamp,
  api_version: z.literal('v1'),
  subject: z.object({ type: z.literal('rma'), id: z.string() }),
  sequence: z.number().int().positive(),
  test: z.boolean(),
  replay: z.boolean(),
  data: EventData,
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** v1.1 `types`: a comma list on the wire (`return.created,label.generated`); the client may pass an array. */
const EventTypeList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((t) => t.trim()).filter((t) => t !== ''))
  .pipe(z.array(EventType).min(1).max(EVENT_TYPES.length))
  .describe('comma-separated event types; an event of any of them matches');

export const EventListFilters = z
  .object({
    type: EventType.optional(),
    types: EventTypeList.optional(),
    /** Every subject is an RMA today; the filter is there so a reconciler written now keeps working. */
    subject_type: z.literal('rma').optional(),
    subject_id: z.string().min(1).max(100).optional(),
    created_after: Timestamp.optional(),
    cursor: Cursor.optional(),
    limit: QueryLimit,
  })
  .strict();
export type EventListFilters = z.input<typeof EventListFilters>;
