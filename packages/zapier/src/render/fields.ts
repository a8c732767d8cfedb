import type { FieldSpec, FieldType } from '@returns-pack/shared-client';
import type { PlainInputField } from 'zapier-platform-core';

/** The hidden trigger behind every RMA dropdown (`triggers/rma-list.ts`). */
export const RMA_DROPDOWN = 'rma_list.id.display_name';

const ZAPIER_TYPES: Partial<Record<FieldType, PlainInputField['type']>> = {
  text: 'text',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  datetime: 'datetime',
};

/** The catalogue's fields as the Zap editor shows them; a field with a Zapier exception is left out. */
export function zapierInputFields(fields: readonly FieldSpec[]): PlainInputField[] {
  return fields.filter((field) => !field.exceptions?.zapier).map(zapierInputField);
}

/**
 * One field in Zapier's idiom: key, label, required flag, help and choices as the catalogue words
 * them. Values come back as Zapier collected them and the catalogue's `readForm` coerces them.
 */
function zapierInputField(field: FieldSpec): PlainInputField {
  const rendered: PlainInputField = { key: field.key, label: field.label, required: field.required };
  if (field.type === 'object_list') {
    // Zapier's schema forbids help text on a line-item group ("children and helpText are mutually
    // exclusive"): each child field carries its own.
    rendered.children = zapierInputFields(field.children ?? []);
    return rendered;
  }
  rendered.helpText = field.help;
  if (field.type === 'string_map') rendered.dict = true;
  else rendered.type = field.secret ? 'password' : (ZAPIER_TYPES[field.type] ?? 'string');
  if (field.type === 'rma_id') rendered.dynamic = RMA_DROPDOWN;
  if (field.type === 'choices') rendered.list = true;
  if (field.choices) {
    rendered.choices = field.choices.map(({ value, label }) => ({ value, label, sample: value }));
  }
  if (field.placeholder !== undefined) rendered.placeholder = field.placeholder;
  // Zapier saves defaults as text; the catalogue's coercion reads "true" and "50" back.
  if (field.default !== undefined) rendered.default = String(field.default);
  return rendered;
}
