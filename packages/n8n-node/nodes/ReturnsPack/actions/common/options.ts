import type { INodePropertyOptions } from 'n8n-workflow';

/** "LABEL_CREATED" → "Label Created", "shop_now_credit" → "Shop Now Credit". */
export function titleCase(value: string): string {
  return value
    .toLowerCase()
    .split(/[_\s]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Dropdown options for a contract enum, sorted by name as n8n's UI guidelines ask. */
export function enumOptions(values: readonly string[]): INodePropertyOptions[] {
  return values
    .map((value) => ({ name: titleCase(value), value }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
