import { EVENT_CATALOGUE } from '../../contract';
import type { EventType } from '../../contract';

/**
 * The triggers every connector offers first (the brief's four plus the two the seeds lead with),
 * in display order. Platforms that make it cheap offer the whole catalogue besides.
 */
export const PRIMARY_TRIGGER_EVENTS = [
  'return.created',
  'return.processed',
  'shipment.delivered',
  'rma.breach',
  'trade_return.credit_requested',
  'offline_repair.status_changed',
] as const satisfies readonly EventType[];

export interface EventTypeOption {
  value: EventType;
  label: string;
  description: string;
}

/** Dropdown options for "which events", shared so the three platforms list the same names. */
export function eventTypeOptions(): EventTypeOption[] {
  return (Object.keys(EVENT_CATALOGUE) as EventType[]).map((value) => ({
    value,
    label: EVENT_CATALOGUE[value].label,
    description: `Triggers when ${EVENT_CATALOGUE[value].description}.`,
  }));
}
