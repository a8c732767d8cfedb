import { ValidationError } from '../../client/errors';

/**
 * The one set of rules that turns form values into request values, whichever platform collected
 * them. Platforms hand over typed values, text from mapped fields, or JSON from expressions; each
 * rule accepts what is clearly meant and refuses anything else with an error naming the field,
 * instead of dropping it or sending it on for the server to puzzle over.
 */

/** A refusal of one form field: the client's ValidationError, so every platform maps it one way. */
export function fieldError(path: string, message: string): ValidationError {
  return new ValidationError({
    status: 0,
    code: 'validation_failed',
    message: `${path}: ${message}`,
    details: [{ path, message }],
  });
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Text with surrounding spaces trimmed; blank is absent. */
export function text(value: unknown, path: string): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw fieldError(path, 'must be text');
}

/** A number, 0 included; numeric text is read as a number. */
export function number(value: unknown, path: string): number | undefined {
  if (isBlank(value)) return undefined;
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw fieldError(path, `must be a number such as 19.99 (got ${JSON.stringify(value)})`);
  }
  return n;
}

export function integer(value: unknown, path: string): number | undefined {
  const n = number(value, path);
  if (n !== undefined && !Number.isInteger(n)) {
    throw fieldError(path, `must be a whole number (got ${JSON.stringify(value)})`);
  }
  return n;
}

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

export function boolean(value: unknown, path: string): boolean | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  throw fieldError(path, `must be true or false (got ${JSON.stringify(value)})`);
}

/** ISO 4217 codes are upper case; "eur" can only mean EUR. */
export function currency(value: unknown, path: string): string | undefined {
  return text(value, path)?.toUpperCase();
}

/** One of `allowed`; blank is absent. */
export function choice<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
  const picked = text(value, path);
  if (picked === undefined) return undefined;
  if (!allowed.includes(picked as T)) {
    throw fieldError(path, `must be one of ${allowed.join(', ')} (got "${picked}")`);
  }
  return picked as T;
}

/** Several of `allowed`, from a list or comma-separated text; empty is absent. */
export function choices<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
): T[] | undefined {
  if (isBlank(value)) return undefined;
  const list = Array.isArray(value) ? value : String(value).split(',');
  const picked = list.map((v, i) => choice(v, allowed, `${path}[${i}]`)).filter((v) => v !== undefined);
  return picked.length ? picked : undefined;
}

/** A date and time as the API's ISO 8601 timestamp. */
export function datetime(value: unknown, path: string): string | undefined {
  if (isBlank(value)) return undefined;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  if (Number.isNaN(date.getTime())) {
    throw fieldError(
      path,
      `must be a date and time such as 2025-01-31T09:00:00Z (got ${JSON.stringify(value)})`,
    );
  }
  return date.toISOString();
}

/** JSON text from an expression, or the value itself. */
function parsed(value: unknown, path: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw fieldError(path, 'is not valid JSON');
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A string map (metadata): an object, its JSON, or a list of `{key, value}` entries (how form
 * builders collect pairs). Values become text; an empty map is absent.
 */
export function stringMap(value: unknown, path: string): Record<string, string> | undefined {
  if (isBlank(value)) return undefined;
  const raw = parsed(value, path);
  let entries: [string, unknown][];
  if (Array.isArray(raw)) {
    entries = raw.map((entry, i) => {
      if (!isPlainObject(entry) || !('key' in entry)) {
        throw fieldError(`${path}[${i}]`, 'must be an entry with a key and a value');
      }
      return [String(entry.key ?? '').trim(), entry.value];
    });
  } else if (isPlainObject(raw)) {
    entries = Object.entries(raw);
  } else {
    throw fieldError(path, 'must be key/value pairs, e.g. {"erp_order": "SO-10442"}');
  }
  if (entries.length === 0) return undefined;
  const map: Record<string, string> = {};
  for (const [key, v] of entries) {
    if (!key) throw fieldError(path, 'has an entry without a key');
    map[key] = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return map;
}

/**
 * A list of objects (line items): a list of objects or of JSON objects, JSON of a list (alone or as
 * a list's one entry), or one object. Each element is checked to be an object; its fields are read by the caller.
 */
export function objectList(value: unknown, path: string): Record<string, unknown>[] | undefined {
  if (isBlank(value)) return undefined;
  const raw = parsed(value, path);
  // A list field given one expression yields one entry holding the whole JSON list: open it up.
  const list = (Array.isArray(raw) ? raw : [raw]).flatMap((entry, i) => {
    const inner = parsed(entry, `${path}[${i}]`);
    return Array.isArray(inner) ? inner : [inner];
  });
  const objects = list.map((object, i) => {
    if (!isPlainObject(object)) throw fieldError(`${path}[${i}]`, 'must be an object');
    return object;
  });
  return objects.length ? objects : undefined;
}

/** Drops absent members, so that what a user left empty is not sent and the API applies its default. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
