import { refuse } from './errors';

/** Headers as frameworks hand them over: a plain object with names in any case, or a fetch `Headers`. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

interface HeadersLike {
  get(name: string): string | null;
}

function isHeadersLike(h: unknown): h is HeadersLike {
  return typeof (h as { get?: unknown }).get === 'function';
}

/** The raw value(s) of one header, its name matched case-insensitively. */
function rawHeader(headers: unknown, name: string): unknown {
  if (headers === null || typeof headers !== 'object') return undefined;
  const record = headers as Record<string, unknown>;
  // Node lower-cases names and senders mostly use the canonical spelling: try both before scanning.
  // A fetch Headers has no own properties, so trying the exact name first is safe, and a plain object
  // then skips the probe for a `get` method: costly when several header shapes pass through.
  if (Object.hasOwn(record, name)) return record[name];
  if (isHeadersLike(headers)) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  if (Object.hasOwn(record, lower)) return record[lower];
  for (const key of Object.keys(record)) {
    if (key.length === lower.length && key.toLowerCase() === lower) return record[key];
  }
  return undefined;
}

/**
 * One header's value, or undefined when absent or empty. A header sent several times is refused
 * (`malformed`) unless `joinWith` says how its values combine, as for rotated signatures.
 */
export function readHeader(headers: unknown, name: string, joinWith?: string): string | undefined {
  const value = rawHeader(headers, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return nonEmpty(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    if (value.length <= 1 || joinWith !== undefined) return nonEmpty(value.join(joinWith));
    refuse('malformed', `The ${name} header was sent ${value.length} times: it must be sent once.`);
  }
  return refuse('malformed', `The ${name} header must be text.`);
}

function nonEmpty(value: string): string | undefined {
  return value.length === 0 || (value.charCodeAt(0) <= 32 && value.trim() === '') ? undefined : value;
}
