/**
 * Zapier usually hands typed values over, but mapped fields can arrive as text. These coerce what is
 * clearly meant and pass anything else through unchanged, so the contract's check rejects it with
 * an error naming the field instead of the value being dropped silently.
 */
export function asNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return value as number;
}

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

export function asBoolean(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE.has(word)) return true;
    if (FALSE.has(word)) return false;
  }
  return value as boolean;
}

export function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** A dict field: undefined when empty, so the API is not sent `{}`. */
export function asStringMap(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Object.keys(value).length === 0) return undefined;
  return value as Record<string, string>;
}

/** Drops undefined members, so optional fields the user left empty are not sent at all. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
