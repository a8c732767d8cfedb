import { ReturnType, RmaKind } from '@returns-pack/shared-client';
import type { FieldChoiceWithLabel } from 'zapier-platform-core';

/** `shop_now_credit` → "Shop now credit": the contract's enums as dropdowns, in sentence case. */
function choicesOf(values: readonly string[]): FieldChoiceWithLabel[] {
  return values.map((value) => {
    const words = value.replace(/_/g, ' ');
    return { value, sample: value, label: words.charAt(0).toUpperCase() + words.slice(1) };
  });
}

export const RETURN_TYPE_CHOICES = choicesOf(ReturnType.options);
export const RMA_KIND_CHOICES = choicesOf(RmaKind.options);
