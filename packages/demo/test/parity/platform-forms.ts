import { camelKey } from '@returns-pack/shared-client';
import type { FieldSpec } from '@returns-pack/shared-client';

/**
 * One form, in catalogue terms (snake_case keys), as each platform's form would hold it: these are
 * the shapes a user's input reaches each connector in, so a table test can feed all three the same.
 */
export type Form = Record<string, unknown>;

const camelObject = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [camelKey(k), v]))
    : value;

/** Zapier's input data uses the catalogue's keys; line items arrive as a list of objects. */
export const zapierInput = (form: Form): Form => ({ ...form });

/**
 * n8n: required fields at the top, optional ones in Additional Fields; a list of objects as the
 * fixed collection's entries (or, from an expression, whatever the expression gave); metadata as
 * key/value entries.
 */
export function n8nParameters(fields: readonly FieldSpec[], form: Form): Form {
  const top: Form = {};
  const additional: Form = {};
  for (const field of fields) {
    if (!(field.key in form)) continue;
    let value = form[field.key];
    if (field.type === 'object_list' && Array.isArray(value)) value = { item: value.map(camelObject) };
    if (field.type === 'string_map' && value && typeof value === 'object' && !Array.isArray(value)) {
      value = { entry: Object.entries(value).map(([key, v]) => ({ key, value: v })) };
    }
    (field.required ? top : additional)[camelKey(field.key)] = value;
  }
  return { ...top, additionalFields: additional };
}

/** Pipedream: props by camel-case name; a list of objects as one JSON object per entry. */
export function pipedreamProps(fields: readonly FieldSpec[], form: Form): Form {
  return Object.fromEntries(
    fields
      .filter((field) => field.key in form)
      .map((field) => {
        const value = form[field.key];
        const shaped =
          field.type === 'object_list' && Array.isArray(value)
            ? value.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)))
            : value;
        return [camelKey(field.key), shaped];
      }),
  );
}
