import type { PlatformExceptions } from '../types';

/**
 * A form field as every platform shows it. The platform renders `type` in its own idiom (a Zapier
 * `dict`, an n8n fixed collection, a Pipedream `object` prop, …) but label, required flag, help and
 * choices are the same words everywhere; `readForm` turns what came back into typed values.
 */
export type FieldType =
  | 'string'
  /** Long text: a textarea where the platform has one. */
  | 'text'
  | 'number'
  | 'integer'
  | 'boolean'
  /** ISO 4217 code: text, upper-cased. */
  | 'currency'
  | 'choice'
  | 'choices'
  | 'datetime'
  /** Text key/value pairs (metadata). */
  | 'string_map'
  /** A list of objects with `children` fields (line items). */
  | 'object_list'
  /** An RMA id, picked from a dropdown of recent RMAs where the platform has dynamic choices. */
  | 'rma_id'
  /** A webhook subscription id, likewise. */
  | 'webhook_id';

export interface Choice {
  value: string;
  label: string;
}

export interface FieldSpec {
  /** snake_case, the API's own name where there is one; platforms that use camelCase derive it. */
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  help: string;
  placeholder?: string;
  choices?: readonly Choice[];
  children?: readonly FieldSpec[];
  /** Shown only when another field has one of these values (platforms that can hide fields do). */
  showWhen?: { key: string; values: readonly string[] };
  /** A value that makes sense before the user types anything, where the platform wants a default. */
  default?: string | number | boolean;
  /** A secret: masked on screen, kept where the platform keeps secrets. */
  secret?: boolean;
  /** Where a platform leaves the field out or renders it elsewhere, and why. */
  exceptions?: PlatformExceptions;
}

/** `unit_price` → `unitPrice`: the names n8n and Pipedream give to parameters. */
export function camelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
