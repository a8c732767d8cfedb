import type { OutputField } from '@returns-pack/shared-client';
import type { PlainOutputField } from 'zapier-platform-core';

/** `customer.email` → `customer__email`, `items[].sku` → `items[]sku`: Zapier's flattened keys. */
export const zapierOutputKey = (path: string): string => path.replace(/\[\]\./g, '[]').replace(/\./g, '__');

export const zapierOutputFields = (fields: readonly OutputField[]): PlainOutputField[] =>
  fields.map(({ key, label, type }) => ({ key: zapierOutputKey(key), label, type }));
