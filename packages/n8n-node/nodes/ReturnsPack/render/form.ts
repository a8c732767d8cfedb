import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { camelKey } from '@returns-pack/shared-client';
import type { FieldSpec, FormValues, OperationSpec } from '@returns-pack/shared-client';
import { LIST_ENTRY, MAP_ENTRY } from './field';
import { LIMIT_KEY, n8nFields, optionalCollection } from './operation';

/** Return All asks the catalogue's list for every page: a limit no log reaches. */
const ALL = Number.MAX_SAFE_INTEGER;

const isObject = (value: unknown): value is IDataObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One parameter's value in the catalogue's shape. A fixed collection becomes its list of entries
 * (children renamed to their snake_case keys); anything else, such as an expression's JSON, goes on
 * as it came, for the catalogue's coercion to accept or refuse.
 */
function toForm(field: FieldSpec, value: unknown): unknown {
  if (field.type === 'string_map' && isObject(value)) return value[MAP_ENTRY] ?? [];
  if (field.type === 'object_list' && isObject(value)) {
    const entries = value[LIST_ENTRY];
    if (!Array.isArray(entries)) return entries;
    return entries.map((entry) =>
      isObject(entry)
        ? Object.fromEntries(
            // An expression may hand over the API's own snake_case keys.
            (field.children ?? []).map((child) => [
              child.key,
              toForm(child, entry[camelKey(child.key)] ?? entry[child.key]),
            ]),
          )
        : entry,
    );
  }
  return value;
}

/**
 * One item's parameters as the plain form the catalogue reads, keyed by its snake_case field keys:
 * the adapter collects, the catalogue coerces and validates (one set of rules on every platform).
 */
export function readItemForm(ctx: IExecuteFunctions, spec: OperationSpec, itemIndex: number): FormValues {
  const fields = n8nFields(spec);
  const collection = fields.some((f) => !f.required && f.key !== LIMIT_KEY)
    ? (ctx.getNodeParameter(optionalCollection(spec).name, itemIndex, {}) as IDataObject)
    : {};
  const form: FormValues = {};
  for (const field of fields) {
    const name = camelKey(field.key);
    let value: unknown;
    if (field.key === LIMIT_KEY) {
      const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
      value = returnAll ? ALL : ctx.getNodeParameter(name, itemIndex, field.default ?? 50);
    } else if (field.required) {
      value = ctx.getNodeParameter(name, itemIndex, '');
    } else {
      value = collection[name];
    }
    if (value !== undefined) form[field.key] = toForm(field, value);
  }
  return form;
}

/**
 * A form path as the user sees it: `items[0].unit_price` → `Line Items 1 › Unit Price`. Paths the
 * catalogue does not know (the contract's body paths) are kept as they are.
 */
export function fieldLabel(fields: readonly FieldSpec[], path: string): string {
  const labels: string[] = [];
  let level: readonly FieldSpec[] | undefined = fields;
  for (const part of path.split('.')) {
    const [, key, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(part) ?? [];
    const field: FieldSpec | undefined = level?.find((f) => f.key === key);
    if (!field) return path;
    labels.push(index === undefined ? field.label : `${field.label} ${Number(index) + 1}`);
    level = field.children;
  }
  return labels.join(' › ');
}
