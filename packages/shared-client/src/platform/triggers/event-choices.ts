import { EVENT_CATALOGUE } from '../../contract';
import type { EventType } from '../../contract';
import type { Choice } from '../form/fields';

/** Event types as choices, labelled from the event catalogue. */
export function eventTypeChoices(types: readonly EventType[]): Choice[] {
  return types.map((value) => ({ value, label: EVENT_CATALOGUE[value].label }));
}

export interface EventTypeOption extends Choice {
  value: EventType;
  description: string;
}

/** Every event type with a "Triggers when …" sentence, for platforms that show one per option. */
export function eventTypeOptions(): EventTypeOption[] {
  return (Object.keys(EVENT_CATALOGUE) as EventType[]).map((value) => ({
    value,
    label: EVENT_CATALOGUE[value].label,
    description: `Triggers when ${EVENT_CATALOGUE[value].description}.`,
  }));
}
