import { collect } from '../../client/paginate';
import type { FormValues } from '../form/read-form';

/**
 * "Up to Limit results, newest first", however many pages that takes: pages are asked for at the
 * size the limit needs (the API's maximum is 100), and reading stops once there are enough.
 */
export function listUpTo<T, F>(values: FormValues, iterate: (filters: F) => AsyncIterable<T>): Promise<T[]> {
  const { limit, ...filters } = values;
  const max = Math.max(1, limit as number);
  return collect(iterate({ ...filters, limit: Math.min(100, max) } as F), max);
}

export const listed = (count: number, noun: string) => `Listed ${count} ${noun}${count === 1 ? '' : 's'}`;
