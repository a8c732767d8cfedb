import app from "../returns_pack.app.mjs";
import { camelKey } from "../dist/returns-client.mjs";

/**
 * Catalogue fields as Pipedream props, named camelKey(field.key). Labels, help, required flags and
 * choices come from the catalogue only; this decides just the Pipedream idiom for each field type.
 */
export function fieldProps(fields) {
  return Object.fromEntries(fields.map((field) => [camelKey(field.key), fieldProp(field)]));
}

/** Pipedream's prop type for each catalogue type; everything not listed is text. */
const PROP_TYPES = {
  integer: "integer",
  boolean: "boolean",
  choices: "string[]",
  string_map: "object",
  // One JSON object per entry in the form; an expression may pass a list of objects instead.
  object_list: "string[]",
};

// Dropdowns filled from the API: the app's propDefinitions, which know how to page.
const DYNAMIC = {
  rma_id: "rmaId",
  webhook_id: "webhookId",
};

/**
 * Pipedream's guidelines give optional props a default. An empty one means "not set" to the
 * catalogue's coercion; a boolean has no empty value, so an optional boolean without a catalogue
 * default stays unset (a `false` default would send, or filter on, false).
 */
const EMPTY = {
  "string[]": [],
  object: {},
  string: "",
};

export function fieldProp(field) {
  const type = PROP_TYPES[field.type] ?? "string";
  const prop = {
    type,
    label: field.label,
    description: field.help,
    optional: !field.required,
  };
  if (DYNAMIC[field.type]) prop.propDefinition = [app, DYNAMIC[field.type]];
  if (field.choices)
    prop.options = field.choices.map(({ value, label }) => ({
      label,
      value,
    }));
  if (field.secret) prop.secret = true;
  const fallback = field.required ? undefined : EMPTY[type];
  const value = field.default ?? fallback;
  if (value !== undefined) prop.default = value;
  return prop;
}

/** The form as the catalogue reads it: each field's prop value under the field's snake_case key. */
export function formOf(component, fields) {
  return Object.fromEntries(fields.map((field) => [field.key, component[camelKey(field.key)]]));
}
