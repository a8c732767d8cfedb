import { EVENT_CATALOGUE } from '../../contract';
import type { EventType } from '../../contract';
import type { Choice } from '../form/fields';

/** Event types as choices, labelled from the event catalogue. */
export function eventTypeChoices(types: readonly EventType[]): Choice[] {
  return types.map((value) => ({ value, label: EVENT_CATALOGUE[value].label }));
}
