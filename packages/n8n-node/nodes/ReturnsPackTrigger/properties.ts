import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { EVENT_TYPES_FIELD, TRIGGER_SETTING_FIELDS, eventTypeOptions } from '@returns-pack/shared-client';
import { isShownOnN8n, renderField } from '../ReturnsPack/render/field';

/** The multi-select's name: saved workflows already use it (the catalogue's key is `event_types`). */
export const EVENTS_PARAMETER = 'events';

const descriptions = new Map(eventTypeOptions().map((o) => [o.value as string, o.description]));

/**
 * One trigger node renders every catalogue trigger: a single-event trigger is this node with one
 * event picked, New Event is this node with several (or none, for every event).
 */
export const eventsProperty: INodeProperties = {
  ...renderField(EVENT_TYPES_FIELD),
  name: EVENTS_PARAMETER,
  options: (renderField(EVENT_TYPES_FIELD).options as INodePropertyOptions[]).map((o) => ({
    ...o,
    description: descriptions.get(String(o.value)),
  })),
  // A default is left out of saved workflows: this is the one they were saved with.
  default: ['return.created'],
};

/** Sender first: the other settings show for the senders they concern. */
const settings: INodeProperties[] = TRIGGER_SETTING_FIELDS.filter(isShownOnN8n).map((field) => {
  const property = renderField(field);
  return field.key === 'sender' ? { ...property, noDataExpression: true } : property;
});

export const triggerProperties: INodeProperties[] = [settings[0]!, eventsProperty, ...settings.slice(1)];
