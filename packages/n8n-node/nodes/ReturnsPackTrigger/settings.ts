import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import {
  camelKey,
  EVENT_TYPES_FIELD,
  NEW_EVENT_TRIGGER,
  readTriggerSettings,
  triggerFields,
} from '@returns-pack/shared-client';
import type { FormValues, TriggerSettings } from '@returns-pack/shared-client';
import { isShownOnN8n } from '../ReturnsPack/render/field';
import { EVENTS_PARAMETER } from './properties';

/**
 * The node's parameters as the catalogue's trigger form, read by the catalogue's rules. The node is
 * the catalogue's New Event trigger: its event picker holds every event type.
 */
export function readSettings(this: IHookFunctions | IWebhookFunctions): TriggerSettings {
  const form: FormValues = {};
  for (const field of triggerFields(NEW_EVENT_TRIGGER)) {
    if (field === EVENT_TYPES_FIELD) {
      const events = this.getNodeParameter(EVENTS_PARAMETER, []) as string[];
      // Workflows saved before the catalogue picked "*" for every event; empty says that now.
      form[field.key] = events.includes('*') ? [] : events;
    } else if (isShownOnN8n(field)) {
      form[field.key] = this.getNodeParameter(camelKey(field.key), field.default ?? '');
    }
  }
  return readTriggerSettings(NEW_EVENT_TRIGGER, form);
}
