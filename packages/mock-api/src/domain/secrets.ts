import { createHash, timingSafeEqual } from 'node:crypto';

/** Keys are 256-bit random values: an unsalted sha256 is enough to make the stored form useless. */
export const sha256Hex = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/** Compares digests, so neither the lengths nor the contents of the two strings leak through timing. */
export function constantTimeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}
