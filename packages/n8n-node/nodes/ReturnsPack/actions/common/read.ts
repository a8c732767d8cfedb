import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { collect } from '@returns-pack/shared-client';

/** A dateTime parameter as the API's ISO 8601 timestamp with offset, or a clear error naming the field. */
export function isoTimestamp(
  this: IExecuteFunctions,
  value: unknown,
  field: string,
  itemIndex: number,
): string {
  const date = new Date(String(value));
  if (value === '' || value === null || Number.isNaN(date.getTime())) {
    throw new NodeOperationError(
      this.getNode(),
      `${field} must be a date and time, e.g. 2025-01-31T09:00:00Z`,
      {
        itemIndex,
      },
    );
  }
  return date.toISOString();
}

/** The `metadata` fixed collection as the API's string map. */
export function readMetadata(value: unknown): Record<string, string> | undefined {
  const entries = ((value as IDataObject | undefined)?.entry as IDataObject[] | undefined) ?? [];
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map((e) => [String(e.key ?? ''), String(e.value ?? '')]));
}

/** `undefined` for an empty optional text field, so it is left out of the request. */
export function optionalText(value: unknown): string | undefined {
  const text =
    typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
  return text === '' ? undefined : text;
}

/**
 * "Return All / Limit" over the client's page iterator: pages are asked for at the size the limit
 * needs (at most 100), and iteration stops as soon as enough items have arrived.
 */
export async function readList<T>(
  ctx: IExecuteFunctions,
  itemIndex: number,
  iterate: (pageSize: number) => AsyncIterable<T>,
): Promise<T[]> {
  const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
  const limit = returnAll ? Infinity : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
  return collect(iterate(Math.min(100, Math.max(1, limit))), limit);
}
