import { EVENT_CATALOGUE } from '../../contract';
import type { EventType } from '../../contract';
import type { TriggerSpec } from './types';

const on = (key: string, label: string, noun: string, event: EventType): TriggerSpec => ({
  key,
  label,
  noun,
  events: [event],
  description: `Triggers when ${EVENT_CATALOGUE[event].description}.`,
});

/** The "New Event" trigger: any events the user picks, all of them by default. */
export const NEW_EVENT_TRIGGER: TriggerSpec = {
  key: 'new_event',
  label: 'New Event',
  noun: 'Event',
  events: 'chosen',
  description: 'Triggers when any event of the chosen types happens (every event when none is chosen).',
};

/**
 * Every trigger of the pack: one per event a workflow most often starts from (the brief's four, the
 * credit and repair flow, labels), then New Event for the rest of the catalogue. Each platform offers
 * each one, instant and (where it polls) as a polling fallback over the event log.
 */
export const TRIGGERS: readonly TriggerSpec[] = [
  on('new_return', 'New Return', 'Return', 'return.created'),
  on('return_processed', 'Return Processed', 'Return', 'return.processed'),
  on('shipment_delivered', 'Shipment Delivered', 'Shipment', 'shipment.delivered'),
  on('rma_breach', 'RMA Breach', 'RMA', 'rma.breach'),
  on(
    'trade_return_credit_request',
    'Trade Return Credit Requested',
    'Trade Return',
    'trade_return.credit_requested',
  ),
  on('trade_return_credited', 'Trade Return Credited', 'Trade Return', 'trade_return.credited'),
  on('return_completed', 'Return Completed', 'Return', 'return.completed'),
  on('return_canceled', 'Return Canceled', 'Return', 'return.canceled'),
  on(
    'offline_repair_status_changed',
    'Offline Repair Status Changed',
    'Offline Repair',
    'offline_repair.status_changed',
  ),
  on('label_generated', 'Label Generated', 'Label', 'label.generated'),
  NEW_EVENT_TRIGGER,
];

/**
 * Polling over the event log (`pollEventLog`), where a platform has a polling trigger: Pipedream's
 * polling sources, n8n's Returns Pack Poll Trigger. Zapier's instant triggers already read the log
 * for samples (performList).
 */
export const POLLING_EXCEPTIONS = {
  zapier:
    'Every instant trigger also reads the event log (performList), which Zapier uses for samples and for the Zap editor; Zapier does not run a polling fallback beside a REST hook.',
} as const;
