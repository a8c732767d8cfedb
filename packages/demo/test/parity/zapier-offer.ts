import { definition } from '@returns-pack/zapier/harness';
import type { PlainInputField } from 'zapier-platform-core';
import { choiceList } from './offer';
import type { Offer, OfferedEntry, OfferedField } from './offer';

type Choices = PlainInputField['choices'];

function zapierChoices(choices: Choices): string[] | undefined {
  if (!choices) return undefined;
  if (!Array.isArray(choices)) {
    return choiceList(Object.entries(choices).map(([value, label]) => ({ value, label: String(label) })));
  }
  return choiceList(
    choices.map((c) => (typeof c === 'string' ? { value: c, label: c } : { value: c.value, label: c.label })),
  );
}

function fieldsOf(inputFields: readonly PlainInputField[] | undefined): Record<string, OfferedField> {
  return Object.fromEntries(
    (inputFields ?? []).map((field) => {
      const offered: OfferedField = { label: field.label ?? '', required: field.required ?? false };
      const choices = zapierChoices(field.choices);
      if (choices) offered.choices = choices;
      if (field.children) offered.children = fieldsOf(field.children as PlainInputField[]);
      return [field.key, offered];
    }),
  );
}

const entry = (action: {
  display: { label?: string };
  operation: { inputFields?: unknown };
}): OfferedEntry => ({
  label: action.display.label ?? '',
  fields: fieldsOf(action.operation.inputFields as PlainInputField[]),
});

/** The Zapier app definition as an offer: creates and searches, and its visible instant triggers. */
export function zapierOffer(): Offer {
  const visibleTriggers = Object.values(definition.triggers).filter((t) => !t.display.hidden);
  return {
    operations: Object.fromEntries(
      [...Object.values(definition.creates), ...Object.values(definition.searches)].map((a) => [
        a.key,
        entry(a),
      ]),
    ),
    triggers: Object.fromEntries(
      visibleTriggers.filter((t) => t.operation.type === 'hook').map((t) => [t.key, entry(t)]),
    ),
    // A polling fallback would be a visible polling trigger of its own.
    polling: visibleTriggers.filter((t) => t.operation.type !== 'hook').map((t) => t.key),
  };
}
