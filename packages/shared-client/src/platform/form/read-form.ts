import * as coerce from './coerce';
import type { FieldSpec } from './fields';

export type FormValues = Record<string, unknown>;

/** One field's value, coerced by its type; `path` names it in any error. */
function readField(field: FieldSpec, value: unknown, path: string): unknown {
  switch (field.type) {
    case 'string':
    case 'text':
    case 'rma_id':
    case 'webhook_id':
      return coerce.text(value, path);
    case 'number':
      return coerce.number(value, path);
    case 'integer':
      return coerce.integer(value, path);
    case 'boolean':
      return coerce.boolean(value, path);
    case 'currency':
      return coerce.currency(value, path);
    case 'datetime':
      return coerce.datetime(value, path);
    case 'choice':
      return coerce.choice(value, values(field), path);
    case 'choices':
      return coerce.choices(value, values(field), path);
    case 'string_map':
      return coerce.stringMap(value, path);
    case 'object_list':
      return coerce
        .objectList(value, path)
        ?.map((entry, i) => readFields(field.children ?? [], entry, `${path}[${i}].`));
  }
}

const values = (field: FieldSpec) => (field.choices ?? []).map((c) => c.value);

function readFields(fields: readonly FieldSpec[], form: FormValues, prefix: string): FormValues {
  const out: FormValues = {};
  for (const field of fields) {
    const path = `${prefix}${field.key}`;
    const given = readField(field, form[field.key], path);
    // What a platform shows pre-filled is what an untouched field means, whether or not it sent it.
    const value =
      given === undefined && field.default !== undefined ? readField(field, field.default, path) : given;
    if (value === undefined && field.required) throw coerce.fieldError(path, `${field.label} is required`);
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

/**
 * A form, keyed by the catalogue's field keys, as typed values: required fields present, every
 * value coerced by its field's type, blanks dropped (or given the field's default). Unknown keys are ignored (platforms add their
 * own, such as n8n's "Return All").
 */
export function readForm(fields: readonly FieldSpec[], form: FormValues): FormValues {
  return readFields(fields, form ?? {}, '');
}
