import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { camelKey } from '@returns-pack/shared-client';
import type { FieldSpec, OperationSpec } from '@returns-pack/shared-client';
import { isShownOnN8n, renderField } from './field';

/** The catalogue's `limit` field, which n8n renders as its Return All + Limit pair. */
export const LIMIT_KEY = 'limit';

/** Where an operation's optional fields go: n8n's collection for that kind of step. */
export function optionalCollection(spec: OperationSpec): { name: string; displayName: string; add: string } {
  if (spec.kind === 'create')
    return { name: 'additionalFields', displayName: 'Additional Fields', add: 'Add Field' };
  if (spec.kind === 'search' || spec.kind === 'list')
    return { name: 'filters', displayName: 'Filters', add: 'Add Filter' };
  return { name: 'options', displayName: 'Options', add: 'Add Option' };
}

export const n8nFields = (spec: OperationSpec): FieldSpec[] => spec.fields.filter(isShownOnN8n);

function returnAllAndLimit(limit: FieldSpec): INodeProperties[] {
  const defaultLimit = Number(limit.default ?? 50);
  return [
    {
      displayName: 'Return All',
      name: 'returnAll',
      type: 'boolean',
      default: false,
      description: 'Whether to return all results or only up to a given limit',
    },
    {
      displayName: limit.label,
      name: camelKey(limit.key),
      type: 'number',
      typeOptions: { minValue: 1 },
      default: defaultLimit,
      description: 'Max number of results to return',
      displayOptions: { show: { returnAll: [false] } },
    },
  ];
}

/**
 * An operation's parameters: required fields first, at the top; Return All + Limit for a list;
 * the optional fields in a collection, so that only what the user adds is sent. Each is shown for
 * its own resource and operation only.
 */
export function renderOperation(spec: OperationSpec): INodeProperties[] {
  const fields = n8nFields(spec);
  const limit = fields.find((f) => f.key === LIMIT_KEY);
  const optional = fields.filter((f) => !f.required && f !== limit).map(renderField);
  const properties = fields.filter((f) => f.required).map(renderField);
  if (limit) properties.push(...returnAllAndLimit(limit));
  if (optional.length > 0) {
    const { name, displayName, add } = optionalCollection(spec);
    properties.push({
      displayName,
      name,
      type: 'collection',
      placeholder: add,
      default: {},
      options: optional.sort((a, b) => a.displayName.localeCompare(b.displayName)),
    });
  }
  return updateDisplayOptions(
    { show: { resource: [camelKey(spec.resource)], operation: [spec.n8nOperation] } },
    properties,
  );
}
