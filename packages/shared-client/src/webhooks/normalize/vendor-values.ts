/** Best-effort readings of vendor fields: a value that does not fit reads as absent, never as an error. */
import type { z } from 'zod';
import type { RmaStatus } from '../../contract';
import { Email } from '../../contract';
import { refuse } from '../errors';

/** Used when a vendor's e-mail is missing or unusable (seed samples carry obfuscated addresses). */
export const UNKNOWN_EMAIL = 'unknown@example.invalid';

/** Makes every field of a vendor schema best-effort: a wrong type reads as absent instead of failing. */
export const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** A vendor payload checked against its schema; only the fields a schema requires can fail. */
export function parseVendorPayload<T extends z.ZodType>(
  schema: T,
  payload: unknown,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const path = parsed.error.issues[0]?.path.join('.') ?? '';
  return refuse(
    'malformed',
    `The ${what} has no valid "${path}" field: it does not match the vendor's format.`,
  );
}

/** The entries of a leniently parsed list that were readable. */
export function present<T>(list: readonly (T | undefined)[] | undefined): T[] {
  return (list ?? []).filter((item): item is T => item !== undefined);
}

/** An ISO UTC timestamp, or undefined when the vendor's value is not a date. */
export function isoTimestamp(value: unknown): string | undefined {
  return typeof value === 'string' ? isoFromMs(Date.parse(value)) : undefined;
}

/** An ISO UTC timestamp from epoch seconds (JWT `iat`), or undefined. */
export function isoFromEpochSeconds(value: unknown): string | undefined {
  return typeof value === 'number' ? isoFromMs(value * 1000) : undefined;
}

function isoFromMs(ms: number): string | undefined {
  // Years outside 0000-9999 have no plain ISO 8601 form.
  if (!Number.isFinite(ms) || ms < -62_167_219_200_000 || ms > 253_402_300_799_999) return undefined;
  return new Date(ms).toISOString();
}

/** A vendor's word as a lookup key, so `in-transit`, `In Transit` and `in_transit` agree. */
export function wordKey(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase().replace(/[^a-z0-9]+/g, '_') : '';
}

/** A non-negative amount with at most two decimals, or undefined. */
export function amount(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return undefined;
  return Number(n.toFixed(2));
}

export function currency(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : undefined;
}

export function email(value: unknown): string {
  return Email.safeParse(value).success ? (value as string) : UNKNOWN_EMAIL;
}

export function quantity(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 1;
}

/** Our status for a vendor's, looked up by `wordKey`. */
export function mapStatus(value: unknown, table: Record<string, RmaStatus>, fallback: RmaStatus): RmaStatus {
  const key = wordKey(value);
  return Object.hasOwn(table, key) ? (table[key] ?? fallback) : fallback;
}

export function nonEmpty(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v.trim() !== '') return v;
  return undefined;
}
