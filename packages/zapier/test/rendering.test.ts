import {
  OPERATIONS,
  OUTPUT_FIELDS,
  POLLING_EXCEPTIONS,
  TRIGGERS,
  sampleEvent,
  triggerFields,
} from '@returns-pack/shared-client';
import type { FieldSpec, OperationSpec } from '@returns-pack/shared-client';
import type { PlainInputField } from 'zapier-platform-core';
import { definition } from '../harness';
import { zapierOutputKey } from '../src/render/output-fields';

// The app as the catalogue renders it on Zapier: everything the catalogue says is what the Zap editor
// shows, and whatever it leaves out carries a written Zapier exception.

// An action (a status move, a label) is a create on Zapier, which has no other list for steps that write.
const ZAPIER_KINDS = { create: 'creates', action: 'creates', search: 'searches' } as const;
const shown = (fields: readonly FieldSpec[]) => fields.filter((f) => !f.exceptions?.zapier);

/** The words and shape Zapier must show for a catalogue field, by the rendering rules. */
function expectedField(field: FieldSpec): Partial<PlainInputField> {
  const rendered: Partial<PlainInputField> = { key: field.key, label: field.label, required: field.required };
  if (field.type === 'object_list')
    return { ...rendered, children: shown(field.children ?? []).map(expectedField) as PlainInputField[] };
  rendered.helpText = field.help;
  if (field.type === 'string_map') rendered.dict = true;
  if (field.type === 'choices') rendered.list = true;
  if (field.type === 'rma_id') rendered.dynamic = 'rma_list.id.display_name';
  if (field.secret) rendered.type = 'password';
  const types: Partial<Record<FieldSpec['type'], PlainInputField['type']>> = {
    number: 'number',
    integer: 'integer',
    boolean: 'boolean',
    datetime: 'datetime',
    text: 'text',
  };
  if (types[field.type]) rendered.type = types[field.type];
  if (field.choices)
    rendered.choices = field.choices.map((c) => ({ value: c.value, label: c.label, sample: c.value }));
  return rendered;
}

const matching = (expected: Partial<PlainInputField>[]): unknown[] =>
  expected.map((field): unknown =>
    expect.objectContaining({
      ...field,
      ...(field.children ? { children: matching(field.children) } : {}),
    }),
  );

describe.each(OPERATIONS.map((spec) => [spec.key, spec as OperationSpec] as const))(
  'operation %s',
  (key, spec) => {
    const list = ZAPIER_KINDS[spec.kind as keyof typeof ZAPIER_KINDS];

    test('is rendered where its kind belongs, or carries a written Zapier exception', () => {
      if (spec.exceptions?.zapier) {
        expect(definition.creates[key]).toBeUndefined();
        expect(definition.searches[key]).toBeUndefined();
        expect(spec.exceptions.zapier.length).toBeGreaterThan(30);
      } else {
        expect(list).toBeDefined();
        expect(definition[list!][key]).toBeDefined();
      }
    });

    if (spec.exceptions?.zapier || !list) return;
    const action = () => definition[list][key]!;

    test('label, description and noun are the catalogue’s', () => {
      expect(action().display).toEqual(
        expect.objectContaining({ label: spec.label, description: spec.description }),
      );
      expect(action().noun).toBe(spec.noun);
    });

    test('input fields are the catalogue’s: keys, labels, required flags, help and choices', () => {
      expect(action().operation.inputFields).toEqual(matching(shown(spec.fields).map(expectedField)));
    });

    test('output fields and sample are the catalogue’s, in Zapier’s key notation', () => {
      expect(action().operation.outputFields).toEqual(
        OUTPUT_FIELDS[spec.output].map((f) => ({
          key: zapierOutputKey(f.key),
          label: f.label,
          type: f.type,
        })),
      );
      expect(action().operation.sample).toEqual(spec.sample);
    });
  },
);

describe.each(TRIGGERS.map((t) => [t.key, t] as const))('trigger %s', (key, trigger) => {
  const action = () => definition.triggers[key]!;

  test('is an instant (REST hook) trigger labelled as the catalogue labels it', () => {
    expect(action().operation.type).toBe('hook');
    expect(action().display).toEqual(
      expect.objectContaining({ label: trigger.label, description: trigger.description }),
    );
    expect(action().noun).toBe(trigger.noun);
  });

  test('asks for the catalogue’s trigger settings, minus those with a Zapier exception', () => {
    expect(action().operation.inputFields).toEqual(
      matching(shown(triggerFields(trigger)).map(expectedField)),
    );
    for (const left of triggerFields(trigger).filter((f) => f.exceptions?.zapier))
      expect(left.exceptions!.zapier!.length).toBeGreaterThan(30);
  });

  test('emits the event envelope', () => {
    expect(action().operation.outputFields).toEqual(
      OUTPUT_FIELDS.event.map((f) => ({ key: zapierOutputKey(f.key), label: f.label, type: f.type })),
    );
    const type = trigger.events === 'chosen' ? 'return.created' : trigger.events[0]!;
    expect(action().operation.sample).toEqual(sampleEvent(type));
  });
});

test('the missing polling fallback is a written exception', () => {
  expect(POLLING_EXCEPTIONS.zapier).toMatch(/performList/);
});

test('Zapier’s key notation for nested and list fields', () => {
  expect(zapierOutputKey('customer.email')).toBe('customer__email');
  expect(zapierOutputKey('items[].sku')).toBe('items[]sku');
  expect(zapierOutputKey('data.rma.items[].unit_price')).toBe('data__rma__items[]unit_price');
});
