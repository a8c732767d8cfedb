import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { camelKey } from '@returns-pack/shared-client';
import type { Choice, FieldSpec } from '@returns-pack/shared-client';
import { n8nDescription } from './text';

/** The fixed-collection option that holds each entry of a list field, e.g. `items.item[]`. */
export const LIST_ENTRY = 'item';
/** …and each pair of a string map, e.g. `metadata.entry[]`. */
export const MAP_ENTRY = 'entry';

/** Choices as n8n options, sorted by name as n8n's UI rules ask. */
export function renderChoices(choices: readonly Choice[] = []): INodePropertyOptions[] {
  return choices.map((c) => ({ name: c.label, value: c.value })).sort((a, b) => a.name.localeCompare(b.name));
}

export const isShownOnN8n = (field: FieldSpec) => !field.exceptions?.n8n;

function typed(field: FieldSpec): Partial<INodeProperties> & Pick<INodeProperties, 'type' | 'default'> {
  switch (field.type) {
    case 'string':
    case 'currency':
    case 'rma_id':
    case 'webhook_id':
      return {
        type: 'string',
        default: field.default ?? '',
        ...(field.secret && { typeOptions: { password: true } }),
      };
    case 'text':
      return { type: 'string', typeOptions: { rows: 4 }, default: field.default ?? '' };
    case 'number':
    case 'integer':
      // An optional number starts empty: 0 is a value the user means (a free item), not "unset".
      return {
        type: 'number',
        default: field.default ?? (field.required ? 0 : null),
        ...(field.type === 'integer' && { typeOptions: { numberPrecision: 0 } }),
      };
    case 'boolean':
      return { type: 'boolean', default: field.default ?? false };
    case 'datetime':
      return { type: 'dateTime', default: '' };
    case 'choice': {
      const options = renderChoices(field.choices);
      return { type: 'options', options, default: field.default ?? options[0]?.value ?? '' };
    }
    case 'choices':
      return { type: 'multiOptions', options: renderChoices(field.choices), default: [] };
    case 'string_map':
      return {
        type: 'fixedCollection',
        typeOptions: { multipleValues: true },
        placeholder: 'Add Entry',
        default: {},
        options: [
          {
            displayName: 'Entry',
            name: MAP_ENTRY,
            values: [
              { displayName: 'Key', name: 'key', type: 'string', default: '' },
              { displayName: 'Value', name: 'value', type: 'string', default: '' },
            ],
          },
        ],
      };
    case 'object_list':
      return {
        type: 'fixedCollection',
        typeOptions: { multipleValues: true },
        placeholder: 'Add Item',
        default: {},
        options: [
          {
            displayName: 'Item',
            name: LIST_ENTRY,
            values: (field.children ?? []).filter(isShownOnN8n).map(renderField),
          },
        ],
      };
  }
}

/**
 * One catalogue field as an n8n parameter: the catalogue's label as display name, its key in camel
 * case as the parameter name, its help as description, `showWhen` as display options.
 */
export function renderField(field: FieldSpec): INodeProperties {
  const property: INodeProperties = {
    displayName: field.label,
    name: camelKey(field.key),
    ...typed(field),
    description: n8nDescription(field.help),
  };
  if (field.required) property.required = true;
  if (field.placeholder) property.placeholder = field.placeholder;
  if (field.showWhen) {
    property.displayOptions = { show: { [camelKey(field.showWhen.key)]: [...field.showWhen.values] } };
  }
  return property;
}
