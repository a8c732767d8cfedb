import { z } from 'zod';

/** Timestamps on the wire are ISO 8601; the server always answers in UTC (`Z`). */
export const Timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 timestamp');
export type Timestamp = z.infer<typeof Timestamp>;

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as "EUR"')
  .describe('ISO 4217 currency code');

/** Amounts are major units with at most two decimals (19.99), never floats carrying cents errors. */
export const Amount = z
  .number()
  .nonnegative()
  // Not `Math.round(n * 100) === n * 100`: in binary floating point 19.99 * 100 is 1998.9999999999998.
  .refine((n) => Number.isFinite(n) && Number(n.toFixed(2)) === n, 'must have at most two decimals')
  .describe('amount in major units, e.g. 19.99');

export const Money = z.object({ amount: Amount, currency: Currency }).strict();
export type Money = z.infer<typeof Money>;

export const Email = z.email().max(254).describe('e-mail address');

export const Metadata = z
  .record(z.string().min(1).max(40), z.string().max(500))
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 keys')
  .describe('free-form string map for your own references');
export type Metadata = z.infer<typeof Metadata>;

export const prefixedId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,48}$`), `must be an id starting with "${prefix}_"`);

/** Query strings arrive as text; the client passes real booleans and numbers. Both parse here. */
export const QueryBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const QueryLimit = z
  .union([z.number(), z.string().regex(/^\d+$/, 'must be a whole number')])
  .transform(Number)
  .pipe(z.number().int().min(1).max(100))
  .default(25)
  .describe('page size, 1 to 100');

export const Cursor = z.string().min(1).max(200).describe('opaque cursor from a previous page');
