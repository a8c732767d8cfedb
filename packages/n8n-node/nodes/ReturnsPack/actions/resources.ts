import type { INodeProperties } from 'n8n-workflow';
import { camelKey, OPERATIONS } from '@returns-pack/shared-client';
import type { OperationSpec, Resource } from '@returns-pack/shared-client';
import { renderOperation } from '../render/operation';

/** n8n's names for the catalogue's resources (the catalogue names them in snake_case only). */
const RESOURCE_NAMES: Record<Resource, string> = {
  trade_return: 'Trade Return',
  offline_repair: 'Offline Repair',
  rma: 'RMA',
  event: 'Event',
  webhook: 'Webhook',
};

/** "getMany" → "Get Many": n8n's operation names. */
const operationName = (value: string) =>
  value.replace(/^./, (c) => c.toUpperCase()).replace(/([a-z])([A-Z])/g, '$1 $2');

/** Every catalogue operation n8n offers, by resource value then operation value. */
export const OPERATIONS_BY_RESOURCE: Record<string, Record<string, OperationSpec>> = {};
for (const spec of OPERATIONS as readonly OperationSpec[]) {
  if (spec.exceptions?.n8n) continue;
  (OPERATIONS_BY_RESOURCE[camelKey(spec.resource)] ??= {})[spec.n8nOperation] = spec;
}

export function findOperation(resource: string, operation: string): OperationSpec | undefined {
  return OPERATIONS_BY_RESOURCE[resource]?.[operation];
}

const resources = Object.keys(RESOURCE_NAMES).filter(
  (r) => OPERATIONS_BY_RESOURCE[camelKey(r)],
) as Resource[];

const resourceProperty: INodeProperties = {
  displayName: 'Resource',
  name: 'resource',
  type: 'options',
  noDataExpression: true,
  options: resources
    .map((r) => ({ name: RESOURCE_NAMES[r], value: camelKey(r) }))
    .sort((a, b) => a.name.localeCompare(b.name)),
  default: 'tradeReturn',
};

function operationProperty(resource: string, specs: OperationSpec[]): INodeProperties {
  // Defaults are left out of saved workflows: keep the ones existing workflows were saved with.
  const defaultOperation = specs.some((s) => s.n8nOperation === 'getMany')
    ? 'getMany'
    : specs[0]!.n8nOperation;
  return {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: [resource] } },
    options: specs
      .map((spec) => ({
        name: operationName(spec.n8nOperation),
        value: spec.n8nOperation,
        description: spec.description,
        action: spec.action,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    default: defaultOperation,
  };
}

/** The action node's parameters: resource, then per resource its operations and their fields. */
export const actionProperties: INodeProperties[] = [
  resourceProperty,
  ...Object.entries(OPERATIONS_BY_RESOURCE).flatMap(([resource, operations]) => {
    const specs = Object.values(operations);
    return [operationProperty(resource, specs), ...specs.flatMap(renderOperation)];
  }),
];
