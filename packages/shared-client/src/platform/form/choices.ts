import type { Choice } from './fields';

/** "LABEL_CREATED" → "Label Created", "shop_now_credit" → "Shop Now Credit". */
export function titleCase(value: string): string {
  return value
    .toLowerCase()
    .split(/[_\s]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** A contract enum as choices, labelled the same on every platform. */
export function enumChoices(values: readonly string[]): Choice[] {
  return values.map((value) => ({ value, label: titleCase(value) }));
}
